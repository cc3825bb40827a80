/**
 * Every callback_id, block_id and action_id the app uses, in one place. Pattern:
 * <feature>_<thing>. Block and action ids of an input are the same stem with _block / _input.
 */
export const Commands = {
  followup: '/followup',
} as const;

export const MenuIds = {
  select: 'menu_select',
} as const;

export const SetupIds = {
  view: 'setup_view',
  leaderBlock: 'setup_leader_block',
  leaderInput: 'setup_leader_input',
  channelBlock: 'setup_channel_block',
  channelInput: 'setup_channel_input',
  oneToOneBlock: 'setup_one_to_one_block',
  oneToOneInput: 'setup_one_to_one_input',
  evaluationBlock: 'setup_evaluation_block',
  evaluationInput: 'setup_evaluation_input',
  reflectionBlock: 'setup_reflection_block',
  reflectionInput: 'setup_reflection_input',
  startDateBlock: 'setup_start_date_block',
  startDateInput: 'setup_start_date_input',
} as const;

export const GoalIds = {
  view: 'goal_create_view',
  leaderBlock: 'goal_leader_block',
  leaderInput: 'goal_leader_input',
  kindBlock: 'goal_kind_block',
  kindInput: 'goal_kind_input',
  titleBlock: 'goal_title_block',
  titleInput: 'goal_title_input',
  descriptionBlock: 'goal_description_block',
  descriptionInput: 'goal_description_input',
  expectationsBlock: 'goal_expectations_block',
  expectationsInput: 'goal_expectations_input',
  qualitativeBlock: 'goal_qualitative_block',
  qualitativeInput: 'goal_qualitative_input',
  metricBlock: 'goal_metric_block',
  metricInput: 'goal_metric_input',
  unitBlock: 'goal_unit_block',
  unitInput: 'goal_unit_input',
  baselineBlock: 'goal_baseline_block',
  baselineInput: 'goal_baseline_input',
  targetBlock: 'goal_target_block',
  targetInput: 'goal_target_input',
  targetDateBlock: 'goal_target_date_block',
  targetDateInput: 'goal_target_date_input',
  milestoneBlock: (n: number) => `goal_milestone_${n}_block`,
  milestoneInput: (n: number) => `goal_milestone_${n}_input`,
  milestoneDueBlock: (n: number) => `goal_milestone_due_${n}_block`,
  milestoneDueInput: (n: number) => `goal_milestone_due_${n}_input`,
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

export const EvaluateIds = {
  view: 'evaluate_view',
  introBlock: 'evaluate_intro_block',
  goalBlock: (i: number) => `evaluate_goal_${i}_block`,
  assessmentBlock: (i: number) => `evaluate_assessment_${i}_block`,
  assessmentInput: (i: number) => `evaluate_assessment_${i}_input`,
  commentBlock: (i: number) => `evaluate_comment_${i}_block`,
  commentInput: (i: number) => `evaluate_comment_${i}_input`,
  targetBlock: (i: number) => `evaluate_target_${i}_block`,
  targetInput: (i: number) => `evaluate_target_${i}_input`,
  dateBlock: (i: number) => `evaluate_date_${i}_block`,
  dateInput: (i: number) => `evaluate_date_${i}_input`,
  reasonBlock: (i: number) => `evaluate_reason_${i}_block`,
  reasonInput: (i: number) => `evaluate_reason_${i}_input`,
  nextBlock: 'evaluate_next_block',
  nextInput: 'evaluate_next_input',
  summaryBlock: 'evaluate_summary_block',
  summaryInput: 'evaluate_summary_input',
} as const;

export const BarrierIds = {
  view: 'barrier_view',
  leaderBlock: 'barrier_leader_block',
  leaderInput: 'barrier_leader_input',
  kindBlock: 'barrier_kind_block',
  kindInput: 'barrier_kind_input',
  descriptionBlock: 'barrier_description_block',
  descriptionInput: 'barrier_description_input',
  statusBlock: 'barrier_status_block',
  statusInput: 'barrier_status_input',
  /** Overflow menu on a listed barrier: `barrier_status_menu_<n>`, option values `<STATUS>|<barrier id>`. */
  statusMenu: (n: number) => `barrier_status_menu_${n}`,
  statusMenuPattern: /^barrier_status_menu_\d+$/,
} as const;

export const LearnIds = {
  view: 'learn_view',
  whatBlock: 'learn_what_block',
  whatInput: 'learn_what_input',
  learnedBlock: 'learn_learned_block',
  learnedInput: 'learn_learned_input',
  nextBlock: 'learn_next_block',
  nextInput: 'learn_next_input',
  shareBlock: 'learn_share_block',
  shareInput: 'learn_share_input',
} as const;

export const SettingsIds = {
  view: 'settings_view',
  languageBlock: 'settings_language_block',
  languageInput: 'settings_language_input',
  timezoneBlock: 'settings_timezone_block',
  timezoneInput: 'settings_timezone_input',
  hourBlock: 'settings_hour_block',
  hourInput: 'settings_hour_input',
  wsLanguageBlock: 'settings_ws_language_block',
  wsLanguageInput: 'settings_ws_language_input',
  wsTimezoneBlock: 'settings_ws_timezone_block',
  wsTimezoneInput: 'settings_ws_timezone_input',
  wsHourBlock: 'settings_ws_hour_block',
  wsHourInput: 'settings_ws_hour_input',
} as const;

export const ExportIds = {
  eraseButton: 'export_erase_button',
} as const;

export const CheckInIds = {
  view: 'checkin_view',
  goalBlock: 'checkin_goal_block',
  goalInput: 'checkin_goal_input',
  valueBlock: 'checkin_value_block',
  valueInput: 'checkin_value_input',
  confidenceBlock: 'checkin_confidence_block',
  confidenceInput: 'checkin_confidence_input',
  noteBlock: 'checkin_note_block',
  noteInput: 'checkin_note_input',
  /** Button (value: goal id) that opens the check-in modal for one goal: reminders, confirmations. */
  logButton: 'checkin_log_button',
} as const;

export const GoalEditIds = {
  view: 'goal_edit_view',
  /** Button (value: goal id) that opens the edit modal. */
  editButton: 'goal_edit_button',
  targetBlock: 'goal_edit_target_block',
  targetInput: 'goal_edit_target_input',
  targetDateBlock: 'goal_edit_target_date_block',
  targetDateInput: 'goal_edit_target_date_input',
  criteriaBlock: 'goal_edit_criteria_block',
  criteriaInput: 'goal_edit_criteria_input',
  reasonBlock: 'goal_edit_reason_block',
  reasonInput: 'goal_edit_reason_input',
} as const;

export const MilestoneIds = {
  view: 'milestone_view',
  milestoneBlock: 'milestone_choice_block',
  milestoneInput: 'milestone_choice_input',
  /** Button (value: milestone id) "Mark done" in messages and App Home. */
  doneButton: 'milestone_done_button',
} as const;

/**
 * An action id made unique within one message (Slack refuses duplicates) for a button repeated
 * per row: `<base>_<n>`. Listeners match the base and any index with `actionPattern`.
 */
export const indexedAction = (base: string, n: number): string => `${base}_${n}`;
export const actionPattern = (base: string): RegExp => new RegExp(`^${base}(_\\d+)?$`);
/** Buttons on reminder DMs and the plan. */
export const ReminderIds = {
  recordEvaluation: 'reminder_record_evaluation',
  logConversation: 'reminder_log_conversation',
  writeReflection: 'reminder_write_reflection',
  actionDone: 'reminder_action_done',
  actionUndone: 'reminder_action_undone',
  actionSnooze: 'reminder_action_snooze',
  failedWhy: 'reminder_failed_why',
} as const;

export const PlanIds = {
  view: 'plan_create_view',
  leaderBlock: 'plan_leader_block',
  leaderInput: 'plan_leader_input',
  whatBlock: 'plan_what_block',
  whatInput: 'plan_what_input',
  ownerBlock: 'plan_owner_block',
  ownerInput: 'plan_owner_input',
  dueBlock: 'plan_due_block',
  dueInput: 'plan_due_input',
  barrierBlock: 'plan_barrier_block',
  barrierInput: 'plan_barrier_input',
} as const;
