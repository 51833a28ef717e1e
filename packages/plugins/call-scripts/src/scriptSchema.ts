import * as z from 'zod/mini';

/** The step id that ends a script: `goto: 'end'`. No step may take it. */
export const endOfScript = 'end';

const id = z
  .string()
  .check(z.regex(/^[A-Za-z][\w-]*$/, 'Expected a letter, then letters, digits, _ or -.'));
const text = z.string().check(z.minLength(1), z.maxLength(2_000));
const json = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * Validates a {@link Condition}: a fact, read by dotted path, compared to values. Paths start with
 * `answer` (this step's answer), `answers.<stepId>`, `contact.<field>` (`channel`, `queueId`,
 * `direction`, `priority`, `attributes.<name>`) or `customer.<field>` (`attributes.<name>`, ...).
 */
export const conditionSchema = z.object({
  /** The fact's dotted path, e.g. `answers.verified` or `customer.attributes.tier`. */
  fact: z
    .string()
    .check(z.regex(/^(answer|answers|contact|customer)(\.[\w-]+)*$/, 'Unknown fact.')),
  /** Holds when the fact equals this value. */
  equals: z.optional(json),
  /** Holds when the fact is one of these values. */
  in: z.optional(z.array(json)),
  /** Holds when the fact is present (`true`) or absent (`false`). */
  exists: z.optional(z.boolean()),
});
/** A test on an answer or on a fact of the contact or customer; every given test must hold. */
export type Condition = z.infer<typeof conditionSchema>;

/** Validates a {@link Branch}. */
export const branchSchema = z.object({
  /** The condition, or several that must all hold. */
  when: z.union([conditionSchema, z.array(conditionSchema).check(z.minLength(1))]),
  /** The step to go to, or `end`. */
  goto: id,
});
/** Where a step leads when its condition holds. */
export type Branch = z.infer<typeof branchSchema>;

/** Validates a {@link StepInput}. */
export const stepInputSchema = z.discriminatedUnion('kind', [
  z.object({
    /** Something to say or do; the agent acknowledges it. */
    kind: z.literal('info'),
  }),
  z.object({
    /** A yes/no question; the answer is a boolean. */
    kind: z.literal('confirm'),
  }),
  z.object({
    /** One choice among options; the answer is the option's value. */
    kind: z.literal('choice'),
    /** The options, in display order. */
    options: z
      .array(
        z.object({
          /** What is recorded when the option is chosen. */
          value: id,
          /** What the agent sees. */
          label: text,
        }),
      )
      .check(z.minLength(1)),
  }),
  z.object({
    /** Free text, e.g. an order number. */
    kind: z.literal('text'),
    /** A regular expression the text must match, e.g. `^ORD-\\d+$`. */
    pattern: z.optional(z.string()),
    /** The longest text accepted. */
    maxLength: z._default(z.int().check(z.positive()), 500),
  }),
  z.object({
    /** A number, e.g. a router's light count. */
    kind: z.literal('number'),
    /** The smallest accepted. */
    min: z.optional(z.number()),
    /** The largest accepted. */
    max: z.optional(z.number()),
  }),
]);
/** What a step asks of the agent. */
export type StepInput = z.infer<typeof stepInputSchema>;

/** Validates a {@link ScriptStep}. */
export const scriptStepSchema = z.object({
  /** Unique within the script; not `end`. */
  id: id.check(z.refine((value) => value !== endOfScript, 'The id "end" is reserved.')),
  /** Short title, for the progress list. */
  title: text,
  /** What the agent says or does. */
  prompt: text,
  /** What the agent records; `info` by default. */
  input: z._default(stepInputSchema, { kind: 'info' }),
  /** Whether the contact may not be completed while this step is still ahead. */
  required: z._default(z.boolean(), false),
  /** Branches, tried in order; the first that holds decides. */
  branches: z._default(z.array(branchSchema), []),
  /** Where to go when no branch holds; the next step in the list (or `end`) by default. */
  next: z.optional(id),
});
/** One step of a script. */
export type ScriptStep = z.infer<typeof scriptStepSchema>;

/**
 * When a script lets the agent complete the contact: `required` while no required step is still
 * ahead, `finished` once the script reached its end, `free` at any time.
 */
export const completionPolicySchema = z.enum(['required', 'finished', 'free']);
/** See {@link completionPolicySchema}. */
export type CompletionPolicy = z.infer<typeof completionPolicySchema>;

const targetsOf = (step: ScriptStep): string[] => [
  ...step.branches.map((branch) => branch.goto),
  ...(step.next === undefined ? [] : [step.next]),
];

/** Validates a {@link Script}: ids unique, every `goto` and `next` names a step or `end`. */
export const scriptSchema = z
  .object({
    /** Stable id, e.g. `passwordReset`. */
    id,
    /** Display name. */
    name: text,
    /** What it is for. */
    description: z.optional(text),
    /** The steps; the first one starts the script. */
    steps: z.array(scriptStepSchema).check(z.minLength(1)),
    /** When the agent may complete the contact; `required` by default. */
    completion: z._default(completionPolicySchema, 'required'),
  })
  .check(
    z.superRefine((script, context) => {
      const ids = new Set<string>();
      script.steps.forEach((step, index) => {
        if (ids.has(step.id)) {
          context.addIssue({
            code: 'custom',
            message: `Duplicate step id "${step.id}".`,
            path: ['steps', index, 'id'],
            input: step.id,
          });
        }
        ids.add(step.id);
      });
      script.steps.forEach((step, index) => {
        for (const target of targetsOf(step)) {
          if (target !== endOfScript && !ids.has(target)) {
            context.addIssue({
              code: 'custom',
              message: `Step "${step.id}" leads to "${target}", which is not a step of the script.`,
              path: ['steps', index],
              input: target,
            });
          }
        }
      });
    }),
  );
/** A guided script: steps with prompts and inputs, branches and required steps. Plain data. */
export type Script = z.infer<typeof scriptSchema>;
/** A script as written (defaults not yet applied). */
export type ScriptInput = z.input<typeof scriptSchema>;

/** The steps a step may lead to, `end` included. */
export function stepTargets(script: Script, index: number): string[] {
  const step = script.steps[index];
  if (!step) return [];
  const fallThrough = step.next ?? script.steps[index + 1]?.id ?? endOfScript;
  return [...new Set([...step.branches.map((branch) => branch.goto), fallThrough])];
}
