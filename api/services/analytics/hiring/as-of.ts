// SQL fragments that read an application's state as it was at a moment, from its recorded stage
// transitions (every move, the rejection and the hire write one), rather than from the columns a later
// edit may change. Reports built on them give the same numbers for a past as-of date tomorrow.

/** The kind of the stage an application was in at `asOf` (null: no move recorded by then). */
export function stageKindAsOf(app: string, asOf: string): string {
  return `(SELECT s.kind FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId"
            WHERE t."applicationId" = ${app}.id AND t.at <= ${asOf} ORDER BY t.at DESC, t.id DESC LIMIT 1)`;
}

/** When an application first entered a stage of this kind, at or before `asOf` (null: not by then). */
export function reachedKindAt(app: string, kind: string, asOf: string): string {
  return `(SELECT min(t.at) FROM "StageTransition" t JOIN "Stage" s ON s.id = t."toStageId"
            WHERE t."applicationId" = ${app}.id AND s.kind = '${kind}' AND t.at <= ${asOf})`;
}
