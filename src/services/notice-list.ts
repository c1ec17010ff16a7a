/** Notices for the person at the screen (a damaged file set aside, a folder made private), until dismissed. */
import type { Notice } from '../shared/contract';

export class NoticeList {
  private readonly list: Notice[] = [];

  add(...notices: Notice[]): void {
    this.list.push(...notices);
  }

  all(): Notice[] {
    return [...this.list];
  }

  dismiss(id: string): void {
    const index = this.list.findIndex((notice) => notice.id === id);
    if (index >= 0) this.list.splice(index, 1);
  }
}
