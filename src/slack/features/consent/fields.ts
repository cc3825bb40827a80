import { defineForm, multi } from '../../form/fields';

/** The accept modal (`consent_accept_view`): which of the leader's goals carry over (ids from the domain). */
export const acceptForm = defineForm('consent', {
  carryOver: multi({ label: 'consent.carry_over', checkboxes: true, accepts: (v) => /^[a-z0-9]{1,40}$/i.test(v) }),
});
