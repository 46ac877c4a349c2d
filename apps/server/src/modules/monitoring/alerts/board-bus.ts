import { EventEmitter } from 'node:events';
import type { BoardEvent } from '@vigie/contracts';

/**
 * The live board's feed inside one server process: the engine's commits publish here, each open event stream
 * subscribes and keeps what its viewer may see. (Several processes: each board sees its own process's changes at
 * once and the others' at its next refresh; see docs/architecture.md.)
 */
export class BoardBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(event: BoardEvent): void {
    this.emitter.emit('event', event);
  }

  subscribe(listener: (event: BoardEvent) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  get listeners(): number {
    return this.emitter.listenerCount('event');
  }
}
