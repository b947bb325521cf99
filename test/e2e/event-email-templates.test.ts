// The wording of event emails in headless Chromium against the real system: on the CRM settings page an
// admin's wording with an unknown variable is refused beside the subject (nothing stored), a good one is
// previewed on the sample registration, saved (the row in the database, marked Custom) and reset to the
// built-in text (the row gone). A recruiter reads and previews, without Save or Reset.
import { byTestId, openBrowser, startRecruiterBrowserTest, withFailureScreenshot, type RecruiterBrowserTest } from './browser';

let world: RecruiterBrowserTest;
beforeAll(async () => {
  world = await startRecruiterBrowserTest();
});
afterAll(() => world?.stop());

test('an admin words the confirmation email: refused at its field, previewed, saved, reset', async () => {
  const { t, org, browser, page } = world;
  await withFailureScreenshot(browser, 'event-emails-recruiter', async () => {
    await page.goto('/#/crm-settings');
    await page.locator(byTestId('event-email-subject')).waitFor();
    await expect(page.locator(byTestId('event-email-subject')).inputValue()).resolves.toBe("You're registered: {{event.name}}");
    await expect(page.locator(byTestId('event-email-save')).count()).resolves.toBe(0);
    await page.locator(byTestId('event-email-preview-button')).click();
    await expect(page.locator(byTestId('event-email-preview-subject')).innerText()).resolves.toBe("You're registered: Backend meetup");
  });

  const admin = await openBrowser({ baseUrl: t.url, apiToken: org.tokens.admin });
  const adminPage = admin.page;
  try {
    const orgName = (await t.prisma.organization.findUniqueOrThrow({ where: { id: org.orgId } })).name;
    await withFailureScreenshot(admin, 'event-emails-admin', async () => {
      await adminPage.goto('/#/crm-settings');
      await adminPage.locator(byTestId('event-email-kind-registered')).click();
      await adminPage.locator(byTestId('event-email-subject')).fill('Welcome, {{event.salary}}');
      await adminPage.locator(byTestId('event-email-save')).click();
      const subjectError = adminPage.locator(byTestId('event-email-field-error', { field: 'subject' }));
      await expect(subjectError.innerText()).resolves.toContain('unknown variable {{event.salary}}');
      expect(await t.prisma.eventEmailTemplate.count({ where: { orgId: org.orgId } })).toBe(0);

      await adminPage.locator(byTestId('event-email-subject')).fill('{{org.name}}: see you at {{event.name}}');
      await adminPage.locator(byTestId('event-email-body')).fill('Hi {{candidate.firstName}}, your code is {{checkInCode}}.');
      await adminPage.locator(byTestId('event-email-preview-button')).click();
      await expect(adminPage.locator(byTestId('event-email-preview-subject')).innerText()).resolves.toBe(`${orgName}: see you at Backend meetup`);
      await expect(adminPage.locator(byTestId('event-email-preview-text')).innerText()).resolves.toBe('Hi Ada, your code is sample-check-in-code.');
      await adminPage.locator(byTestId('event-email-save')).click();
      await expect(adminPage.locator(byTestId('event-email-status')).innerText()).resolves.toBe('Saved.');
      await expect(adminPage.locator(byTestId('event-email-kind-registered')).textContent()).resolves.toBe('RegisteredCustom');
      await admin.screenshot('crm-settings-event-emails');
    });
    expect(await t.prisma.eventEmailTemplate.findMany({ where: { orgId: org.orgId }, select: { kind: true, subject: true, body: true } })).toEqual([
      { kind: 'registered', subject: '{{org.name}}: see you at {{event.name}}', body: 'Hi {{candidate.firstName}}, your code is {{checkInCode}}.' },
    ]);

    await withFailureScreenshot(admin, 'event-emails-reset', async () => {
      await adminPage.locator(byTestId('event-email-reset')).click();
      await adminPage.locator(byTestId('event-email-status'), { hasText: 'Back to the built-in text.' }).waitFor();
      await expect(adminPage.locator(byTestId('event-email-subject')).inputValue()).resolves.toBe("You're registered: {{event.name}}");
    });
    expect(await t.prisma.eventEmailTemplate.count({ where: { orgId: org.orgId } })).toBe(0);
    expect(admin.pageErrors).toEqual([]);
    expect(browser.pageErrors).toEqual([]);
  } finally {
    await admin.close();
  }
});
