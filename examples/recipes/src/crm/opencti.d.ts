// Salesforce Open CTI for Lightning Experience, the part the Salesforce recipe uses. Declared by
// hand because Salesforce ships no npm package: the org serves the script itself, from
// https://<your domain>.my.salesforce.com/support/api/<version>/lightning/opencti_min.js, as
// the global `sforce.opencti`. Each member follows the Open CTI Developer Guide ("Methods for
// Lightning Experience": onClickToDial, enableClickToDial, screenPop, saveLog,
// setSoftphonePanelVisibility).

/** What every Open CTI callback receives. */
export interface OpenCtiResponse<T = unknown> {
  /** Whether the call succeeded. */
  readonly success: boolean;
  /** The result (saveLog: the saved record's id). */
  readonly returnValue: T | null;
  /** Why it failed. */
  readonly errors: readonly unknown[] | null;
}

/** The payload of `onClickToDial` (Open CTI: "onClickToDial() for Lightning Experience"). */
export interface ClickToDialPayload {
  /** The number clicked (the guide types it as a number; it arrives as the text shown). */
  readonly number: string | number;
  /** The record the number belongs to. */
  readonly recordId?: string;
  /** That record's name. */
  readonly recordName?: string;
  /** That record's object type (Contact, Lead, Account...). */
  readonly objectType?: string;
}

/** The `sforce.opencti` methods used, with the argument shapes of the guide. */
export interface OpenCti {
  /** Registers the listener called when a user clicks an enabled phone number. */
  onClickToDial(args: { listener: (payload: ClickToDialPayload) => void }): void;
  /** Lets users click phone numbers to dial. */
  enableClickToDial(args?: { callback?: (response: OpenCtiResponse) => void }): void;
  /** Pops a record (`SOBJECT`) or the search page (`SEARCH`, 3 characters at least). */
  screenPop(args: {
    type: 'SOBJECT' | 'SEARCH';
    params: { recordId: string } | { searchString: string };
    callback?: (response: OpenCtiResponse) => void;
  }): void;
  /** Creates a record (`entityApiName` given) or updates one (`Id` given). */
  saveLog(args: {
    value: { entityApiName?: string; Id?: string } & Record<string, string | undefined>;
    callback?: (response: OpenCtiResponse<string>) => void;
  }): void;
  /** Shows or hides the softphone panel. */
  setSoftphonePanelVisibility(args: {
    visible: boolean;
    callback?: (response: OpenCtiResponse) => void;
  }): void;
  /** The screen pop types; the recipe uses two. */
  readonly SCREENPOP_TYPE: { readonly SOBJECT: 'SOBJECT'; readonly SEARCH: 'SEARCH' };
}
