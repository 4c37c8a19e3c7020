import { Injectable } from '@nestjs/common';
import type { Actor } from '../../common/auth/actor.js';

/** The kinds of content an upload may be; each has its own types and size limit. */
export type FileKind = 'image';

/** What a read policy sees of a file: never the entity. */
export interface FileFacts {
  id: string;
  purpose: string;
  ownerUserId: number;
  /** `tip:12` once the owning domain took it, else null */
  attachedTo: string | null;
  createdAt: Date;
}

/**
 * The contract an owning module fulfils for its purpose (docs/files.md): which kind of content it takes
 * and who may read an attached file. A module registers its policy in `onModuleInit`
 * (`purposes.register(policy)`); `files` imports no module. Before attachment only the uploader reads.
 */
export abstract class FileReadPolicy {
  abstract readonly purpose: string;
  abstract readonly kind: FileKind;
  /** May this person read this attached file? false reads as 404, never 403. */
  abstract canRead(actor: Actor, file: FileFacts): Promise<boolean> | boolean;
}

/** Readable by its uploader alone, attached or not: a person's own pictures. */
export class PersonalFilePolicy extends FileReadPolicy {
  readonly purpose = 'personal';
  readonly kind = 'image' as const;
  canRead(actor: Actor, file: FileFacts): boolean {
    return actor.userId === file.ownerUserId;
  }
}

/** The purposes uploads may be made for, each with its read policy (registered by the owning modules). */
@Injectable()
export class FilePurposes {
  private readonly policies = new Map<string, FileReadPolicy>();

  constructor() {
    this.register(new PersonalFilePolicy());
  }

  register(policy: FileReadPolicy): void {
    if (!/^[a-z][a-z0-9_]{1,39}$/.test(policy.purpose)) throw new Error(`bad file purpose "${policy.purpose}"`);
    const existing = this.policies.get(policy.purpose);
    if (existing && existing !== policy) throw new Error(`file purpose "${policy.purpose}" is registered twice`);
    this.policies.set(policy.purpose, policy);
  }

  find(purpose: string): FileReadPolicy | null {
    return this.policies.get(purpose) ?? null;
  }

  /** The uploader before attachment; after it, the purpose's policy; an unknown purpose, nobody. */
  async canRead(actor: Actor, file: FileFacts): Promise<boolean> {
    if (file.attachedTo === null) return actor.userId === file.ownerUserId;
    const policy = this.find(file.purpose);
    return policy ? await policy.canRead(actor, file) : false;
  }
}
