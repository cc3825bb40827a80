/** Field lengths of the goal edit modal. */
export const GoalEditFieldMax = { criteria: 3000, reason: 500 } as const;
