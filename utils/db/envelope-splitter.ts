/**
 * Splits an export file (one JSON object) into its parts while it is read piece by piece, so a file
 * of any size is never one string: each top-level member comes out as JSON text, and the members
 * that are arrays (`articles`, `corrections`) come out one element at a time. The caller parses each
 * piece with JSON.parse (native and strict); this scanner only follows the structure of the two top
 * levels (keys, colons, commas, brackets) and the strings inside elements, and reports what is not an
 * object of members.
 *
 * (A general streaming JSON parser was not used: it tokenises every character in JavaScript and
 * builds objects by assignment, which would also let a `__proto__` key set an element's prototype;
 * here each element goes through JSON.parse, about ten times faster, with the caller's key checks.)
 */

export type EnvelopePart =
  /** A top-level member, as JSON text (`key` already decoded). */
  | { type: 'member'; key: string; json: string }
  /** One element of a top-level array member, as JSON text. */
  | { type: 'item'; key: string; index: number; json: string };

export class EnvelopeError extends Error {
  constructor(
    message: string,
    /** 'syntax': not well-formed; 'not-object': some other JSON; 'size': a part over the limit. */
    readonly kind: 'syntax' | 'not-object' | 'size' = 'syntax',
  ) {
    super(message);
  }
}

export interface SplitterOptions {
  /** Members whose array value is given element by element. */
  arrays: readonly string[];
  /** Members read past without keeping them (their text is never held). */
  skip?: readonly string[];
  /** Refuse a member or an element longer than this (characters). */
  maxPartChars: number;
}

type State =
  'start' | 'key-or-end' | 'key' | 'colon' | 'value' | 'item-or-end' | 'after-item' | 'after-member' | 'done';

const isSpace = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

/** Collects one JSON value's text across pieces of input. */
class Value {
  private pieces: string[] = [];
  private size = 0;
  private started = false;
  private primitive = false;
  private inString = false;
  private escape = false;
  private depth = 0;
  constructor(
    private keep: boolean,
    private max: number,
    readonly what: string,
  ) {}

  /** Scan from `i`; the index after the value, or -1 when the text ends first (all of it is taken). */
  scan(text: string, i: number): number {
    const from = i;
    let end = -1;
    for (; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === 92) this.escape = true;
        else if (c === 34) {
          this.inString = false;
          if (this.depth === 0) {
            end = i + 1;
            break;
          }
        }
        continue;
      }
      if (!this.started) {
        this.started = true;
        if (c === 34) this.inString = true;
        else if (c === 123 || c === 91) this.depth = 1;
        else this.primitive = true;
        continue;
      }
      if (this.primitive) {
        if (c === 44 || c === 93 || c === 125 || isSpace(c)) {
          end = i;
          break;
        }
        continue;
      }
      if (c === 34) this.inString = true;
      else if (c === 123 || c === 91) this.depth++;
      else if (c === 125 || c === 93) {
        if (--this.depth === 0) {
          end = i + 1;
          break;
        }
      }
    }
    const stop = end < 0 ? text.length : end;
    this.size += stop - from;
    if (this.size > this.max)
      throw new EnvelopeError(
        `${this.what} is too large (over ${Math.round(this.max / 1e6)} million characters)`,
        'size',
      );
    if (this.keep) this.pieces.push(text.slice(from, stop));
    return end;
  }

  text(): string {
    return this.pieces.join('');
  }
}

export class EnvelopeSplitter {
  private state: State = 'start';
  private value: Value | null = null;
  private key = '';
  private keyText: Value | null = null;
  private index = 0;
  private readonly arrays: Set<string>;
  private readonly skip: Set<string>;

  constructor(
    private readonly emit: (part: EnvelopePart) => void,
    private readonly opts: SplitterOptions,
  ) {
    this.arrays = new Set(opts.arrays);
    this.skip = new Set(opts.skip ?? []);
  }

  /** Feed the next piece of the file's text. Throws EnvelopeError on a structure that is not ours. */
  push(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.value) {
        const end = this.value.scan(text, i);
        if (end < 0) return;
        i = end;
        this.finishValue();
        continue;
      }
      if (this.keyText) {
        const end = this.keyText.scan(text, i);
        if (end < 0) return;
        i = end;
        this.finishKey();
        continue;
      }
      const c = text.charCodeAt(i);
      if (isSpace(c)) {
        i++;
        continue;
      }
      this.step(c);
      i++;
    }
  }

  /** The file ended: it must have been one complete object. */
  end(): void {
    if (this.state !== 'done') throw new EnvelopeError('the file ends too early (it is cut short)');
  }

  private step(c: number): void {
    const ch = String.fromCharCode(c);
    switch (this.state) {
      case 'start':
        if (c !== 123) throw new EnvelopeError('the file is not a JSON object', 'not-object');
        this.state = 'key-or-end';
        return;
      case 'key-or-end':
      case 'key':
        if (c === 125 && this.state === 'key-or-end') {
          this.state = 'done';
          return;
        }
        if (c !== 34) throw new EnvelopeError(`expected a member name, found "${ch}"`);
        this.keyText = new Value(true, 1000, 'a member name');
        this.keyText.scan('"', 0);
        return;
      case 'colon':
        if (c !== 58) throw new EnvelopeError(`expected ":" after "${this.key}"`);
        this.state = 'value';
        return;
      case 'value':
        if (c === 91 && this.arrays.has(this.key)) {
          this.state = 'item-or-end';
          this.index = 0;
          return;
        }
        this.startValue(c, !this.skip.has(this.key), `the "${this.key}" member`);
        return;
      case 'item-or-end':
        if (c === 93 && this.index === 0) {
          this.state = 'after-member';
          return;
        }
        this.startValue(c, true, `${this.key}[${this.index}]`);
        return;
      case 'after-item':
        if (c === 44) this.state = 'item-or-end';
        else if (c === 93) this.state = 'after-member';
        else throw new EnvelopeError(`expected "," or "]" after ${this.key}[${this.index - 1}]`);
        if (c === 44) this.startNextItem = true;
        return;
      case 'after-member':
        if (c === 44) this.state = 'key';
        else if (c === 125) this.state = 'done';
        else throw new EnvelopeError(`expected "," or "}" after "${this.key}"`);
        return;
      case 'done':
        throw new EnvelopeError('there is more after the end of the export');
    }
  }

  /** After a comma in an array, "]" is not allowed (no trailing commas). */
  private startNextItem = false;

  private startValue(c: number, keep: boolean, what: string): void {
    if (this.state === 'item-or-end' && c === 93 && this.startNextItem)
      throw new EnvelopeError(`a "," before "]" in ${this.key}`);
    this.startNextItem = false;
    this.value = new Value(keep, keep ? this.opts.maxPartChars : Infinity, what);
    this.value.scan(String.fromCharCode(c), 0);
  }

  private finishKey(): void {
    const raw = this.keyText!.text();
    this.keyText = null;
    try {
      this.key = JSON.parse(raw) as string;
    } catch {
      throw new EnvelopeError('a member name is not valid JSON');
    }
    this.state = 'colon';
  }

  private finishValue(): void {
    const value = this.value!;
    this.value = null;
    if (this.state === 'item-or-end') {
      this.emit({ type: 'item', key: this.key, index: this.index++, json: value.text() });
      this.state = 'after-item';
    } else {
      if (!this.skip.has(this.key)) this.emit({ type: 'member', key: this.key, json: value.text() });
      this.state = 'after-member';
    }
  }
}
