/**
 * The block, action and callback ids of the step modals as Slack holds them today, spelled out (not
 * derived from the forms): an integration test that submits with these proves a modal opened before
 * a deploy still submits after it.
 */
export const ConversationIds = {
  view: 'conversation_view',
  /** Button (value: follow-up id) when the person has several follow-ups. */
  pickButton: 'conversation_pick_followup',
  dateBlock: 'conversation_date_block',
  dateInput: 'conversation_date_input',
  questionsBlock: 'conversation_questions_block',
  questionsInput: 'conversation_questions_input',
  openActionsBlock: 'conversation_open_actions_block',
  openActionsInput: 'conversation_open_actions_input',
  notesBlock: 'conversation_notes_block',
  notesInput: 'conversation_notes_input',
  actionBlock: (n: number) => `conversation_action_${n}_block`,
  actionInput: (n: number) => `conversation_action_${n}_input`,
  actionDueBlock: (n: number) => `conversation_action_due_${n}_block`,
  actionDueInput: (n: number) => `conversation_action_due_${n}_input`,
} as const;

export const FeedbackIds = {
  view: 'feedback_view',
  receiverBlock: 'feedback_receiver_block',
  receiverInput: 'feedback_receiver_input',
  worksBlock: 'feedback_works_block',
  worksInput: 'feedback_works_input',
  improveBlock: 'feedback_improve_block',
  improveInput: 'feedback_improve_input',
  adviceBlock: 'feedback_advice_block',
  adviceInput: 'feedback_advice_input',
} as const;

export const DevelopIds = {
  view: 'develop_view',
  leaderBlock: 'develop_leader_block',
  leaderInput: 'develop_leader_input',
  kindBlock: 'develop_kind_block',
  kindInput: 'develop_kind_input',
  titleBlock: 'develop_title_block',
  titleInput: 'develop_title_input',
  providerBlock: 'develop_provider_block',
  providerInput: 'develop_provider_input',
  startBlock: 'develop_start_block',
  startInput: 'develop_start_input',
  endBlock: 'develop_end_block',
  endInput: 'develop_end_input',
  statusBlock: 'develop_status_block',
  statusInput: 'develop_status_input',
  /** Buttons (value: `<activity id>.<STATUS>`) that change an activity's status. */
  statusButton: 'develop_status_button',
} as const;

export const ReflectIds = {
  view: 'reflect_view',
  /** Button (value: follow-up id): opens the reflection modal; for reminders and the follow-up picker. */
  openButton: 'reflect_open_button',
  answerBlock: (n: number) => `reflect_answer_${n}_block`,
  answerInput: (n: number) => `reflect_answer_${n}_input`,
  shareBlock: 'reflect_share_block',
  shareInput: 'reflect_share_input',
} as const;

export const QuestionIds = {
  /** Button (value: question key) "Add to next one-to-one". */
  addToNextButton: 'questions_add_to_next_button',
  /** Button (admins) that opens the "add a question" modal. */
  addButton: 'questions_add_button',
  view: 'questions_add_view',
  textBlock: 'questions_text_block',
  textInput: 'questions_text_input',
  stepBlock: 'questions_step_block',
  stepInput: 'questions_step_input',
  languageBlock: 'questions_language_block',
  languageInput: 'questions_language_input',
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
