import { defineAction } from '../actions/defineAction';
import type { Role } from '../model/agent';
import type { Validator, ValidatorOutput } from '../validation';

/** A shorthand for the desk's built-in actions: `defineAction` open to `roles` only. */
export function actionFor(roles: readonly Role[]) {
  return <S extends Validator<unknown>, R>(
    name: string,
    schema: S,
    run: (payload: ValidatorOutput<S>) => R,
  ) => defineAction({ name, schema, roles, run });
}
