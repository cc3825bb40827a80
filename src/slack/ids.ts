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
  newGoalButton: 'home_new_goal_button',
  editFollowUpButton: 'home_edit_followup_button',
} as const;

export const ExportIds = {
  eraseButton: 'export_erase_button',
} as const;
