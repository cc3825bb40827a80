/**
 * The ids more than one feature uses: the command, the menu, App Home's buttons, and buttons that
 * one feature's messages carry and another answers. A form's block and action ids follow from its
 * fields (src/slack/features/<feature>/fields.ts); a feature's own callback ids live in its folder.
 */
export const Commands = {
  followup: '/followup',
} as const;

export const MenuIds = {
  select: 'menu_select',
} as const;

export const HomeIds = {
  setupButton: 'home_setup_button',
  /** First card: `home_new_goal_button`; next cards `home_new_goal_button_<n>` (action ids are unique within a view). */
  newGoalButton: 'home_new_goal_button',
  editFollowUpButton: 'home_edit_followup_button',
  /** A button that runs `/followup <sub>` for the card's leader: `home_run_<sub>_<n>`, value = leader's user id. */
  runButton: (sub: string, n: number) => `home_run_${sub}_${n}`,
  runPattern: /^home_run_([a-z]+)_\d+$/,
  /** "More…" select of a card: option values `<sub>|<leader user id>`. */
  moreSelect: (n: number) => `home_more_${n}`,
  morePattern: /^home_more_\d+$/,
  pageButton: 'home_page_button',
  prevPageButton: 'home_prev_page_button',
} as const;

/** A Home card's goal menu and its senior leader's "Past evaluations" (the history feature answers them). */
export const HistoryIds = {
  /** "Goal…" select on a card: option values `progress|<goal id>` or `history|<goal id>`. */
  goalMenu: (n: number) => `history_goal_menu_${n}`,
  goalMenuPattern: /^history_goal_menu_\d+$/,
  /** "Past evaluations" on a senior leader's card: value = the leader's user id. */
  pastEvaluations: (n: number) => `history_past_evaluations_${n}`,
  pastEvaluationsPattern: /^history_past_evaluations_\d+$/,
} as const;

export const GoalEditIds = {
  view: 'goal_edit_view',
  /** Button (value: goal id) that opens the edit modal; check-in confirmations carry it too. */
  editButton: 'goal_edit_button',
  /** Button (value: goal id) "Mark achieved" on a check-in confirmation that reached the target. */
  markAchievedButton: 'goal_mark_achieved_button',
} as const;

export const MilestoneIds = {
  /** Button (value: milestone id) "Mark done" in messages and App Home; the milestone feature answers it. */
  doneButton: 'milestone_done_button',
} as const;

/**
 * An action id made unique within one message (Slack refuses duplicates) for a button repeated
 * per row: `<base>_<n>`. Listeners match the base and any index with `actionPattern`.
 */
export const indexedAction = (base: string, n: number): string => `${base}_${n}`;
export const actionPattern = (base: string): RegExp => new RegExp(`^${base}(_\\d+)?$`);
