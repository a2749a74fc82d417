import type { Locator, Page } from 'playwright-core';

/**
 * What a person at the counter does, for the journeys: type with the keyboard (every date digit
 * by digit), click, and count the clicks a task takes.
 */
export class Counter {
  clicks = 0;

  constructor(readonly page: Page) {}

  /** One click, counted. */
  async click(target: Locator | string): Promise<void> {
    this.clicks++;
    await (typeof target === 'string' ? this.page.locator(target) : target).click();
  }

  /** Focus a field (by keyboard, not counted as a click) and type into it, key by key. */
  async type(selector: string, text: string): Promise<void> {
    await this.page.locator(selector).focus();
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** Type into the field that has the focus, key by key. */
  async typeHere(text: string): Promise<void> {
    await this.page.keyboard.type(text, { delay: 5 });
  }

  /** The reading a date field shows under it (its helper text). */
  async reading(selector: string): Promise<string> {
    return (await this.page.locator(`${selector}-helper-text`).textContent()) ?? '';
  }

  /** Pick an option of a MUI select: open it, choose by its visible label (two clicks). */
  async choose(select: Locator, option: string): Promise<void> {
    await this.click(select);
    await this.click(this.page.getByRole('option', { name: option, exact: true }));
    await this.page.waitForFunction(() => !document.querySelector('[role=listbox]'));
  }

  /** A person's names and address, typed; the kana fields become katakana when left. */
  async person(
    who: 'holder' | 'representative',
    p: { family: string; given: string; familyKana: string; givenKana: string; postal?: string; address?: string },
  ): Promise<void> {
    await this.type(`#${who}-familyName`, p.family);
    await this.type(`#${who}-givenName`, p.given);
    await this.type(`#${who}-familyNameKana`, p.familyKana);
    await this.type(`#${who}-givenNameKana`, p.givenKana);
    if (p.postal) await this.type(`#${who}-postalCode`, p.postal);
    if (p.address) await this.type(`#${who}-address`, p.address);
    await this.page.locator(`#${who}-familyName`).focus(); // leave the kana fields: they become katakana on blur
  }

  /** Register the form and read the receipt number off the dialog. */
  async register(): Promise<string> {
    await this.click('#register-submit');
    const receipt = this.page.getByTestId('receipt-number');
    await receipt.waitFor();
    return (await receipt.textContent())!.trim();
  }
}
