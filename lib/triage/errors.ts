/** Thrown by triage() for input that does not fit the contract; `field` is the path, e.g. "training.shoeKm". */
export class TriageInputError extends Error {
  readonly field: string;
  /** Every problem found, first one also in `message`. */
  readonly issues: { field: string; message: string }[];

  constructor(field: string, message: string, issues?: { field: string; message: string }[]) {
    super(message);
    this.name = 'TriageInputError';
    this.field = field;
    this.issues = issues ?? [{ field, message }];
  }
}
