/** What other modules may ask of the clients module, without touching its tables. */
export interface ClientDirectory {
  exists(clientId: string): Promise<boolean>;
  /** Client id of a site, or null when there is no such site. */
  clientOfSite(siteId: string): Promise<string | null>;
  /** Client id of a contact, or null when there is no such contact. */
  clientOfContact(contactId: string): Promise<string | null>;
}
