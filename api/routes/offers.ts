// Offers: details, the N-of-M approval chain (decided from the inbox's APPROVE
// tasks), the offer letter, and the candidate's answer that hires.
import { z } from 'zod';
import { defineRoute } from '../route';
import { ZCreateOffer, ZOfferResponse, ZSendOffer, ZSubmitOffer, ZUpdateOffer } from '../services/offers/offer-input';
import { createOffer, updateOffer } from '../services/offers/save-offer';
import { submitOffer } from '../services/offers/offer-approval';
import { respondToOffer, sendOffer } from '../services/offers/offer-answer';
import { loadOffer } from '../services/offers/offer-view';

const ZOfferParams = z.object({ id: z.string().min(1).max(100) }).strict();
const EDITORS = ['ADMIN', 'RECRUITER'] as const;

export const offerRoutes = [
  defineRoute({
    method: 'post', path: '/api/offers', summary: 'Draft an offer for an active application (one offer in play per application)', access: EDITORS, body: ZCreateOffer, bodyLimit: '50kb',
    handler: async ({ services, auth, body }) => ({ status: 201, body: await createOffer(services, auth, body) }),
  }),
  defineRoute({
    method: 'get', path: '/api/offers/:id', scope: { kind: 'offer' }, summary: 'An offer with its approval rounds (the recruiting team and its approvers)', access: 'authenticated', params: ZOfferParams,
    handler: async ({ services, auth, params }) => ({ body: await loadOffer(services, auth, params.id) }),
  }),
  defineRoute({
    method: 'patch', path: '/api/offers/:id', scope: { kind: 'offer' }, summary: 'Change a draft offer', access: EDITORS, params: ZOfferParams, body: ZUpdateOffer, bodyLimit: '50kb',
    handler: async ({ services, auth, params, body }) => ({ body: await updateOffer(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/offers/:id/submit', scope: { kind: 'offer' }, summary: 'Ask M approvers (N must approve); each gets an APPROVE task in the inbox', access: EDITORS, params: ZOfferParams, body: ZSubmitOffer, bodyLimit: '20kb',
    handler: async ({ services, auth, params, body }) => ({ body: await submitOffer(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/offers/:id/send', scope: { kind: 'offer' }, summary: 'Email the approved offer to the candidate (once; a repeat only retries an undelivered letter)', access: EDITORS, params: ZOfferParams, body: ZSendOffer, bodyLimit: '50kb',
    handler: async ({ services, auth, params, body }) => ({ body: await sendOffer(services, auth, params.id, body) }),
  }),
  defineRoute({
    method: 'post', path: '/api/offers/:id/response', scope: { kind: 'offer' }, summary: "Record the candidate's answer; accepting hires (application HIRED, hired stage, runs told candidate.hired)", access: EDITORS, params: ZOfferParams, body: ZOfferResponse, bodyLimit: '10kb',
    handler: async ({ services, auth, params, body }) => ({ body: await respondToOffer(services, auth, params.id, body) }),
  }),
];
