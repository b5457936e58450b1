import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { filesFromDrop } from './library-client.js';

/** What a drop is handed to: its files (folders walked), or why they could not be read. */
export interface FileDropTarget {
  dropped(files: File[]): void;
  failed(why: string): void;
}

/**
 * Drag-and-drop of files and folders anywhere on the host element: `dragging` while files are
 * over it (the host shows its drop hint), then every file of the drop. Drags of anything else
 * (text, the grid's own cards) are left alone.
 */
export class FileDropController implements ReactiveController {
  dragging = false;
  private depth = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly target: FileDropTarget,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.host.addEventListener('dragenter', this.onDragEnter);
    this.host.addEventListener('dragover', this.onDragOver);
    this.host.addEventListener('dragleave', this.onDragLeave);
    this.host.addEventListener('drop', this.onDrop);
  }

  hostDisconnected(): void {
    this.host.removeEventListener('dragenter', this.onDragEnter);
    this.host.removeEventListener('dragover', this.onDragOver);
    this.host.removeEventListener('dragleave', this.onDragLeave);
    this.host.removeEventListener('drop', this.onDrop);
  }

  private setDragging(on: boolean) {
    this.dragging = on;
    this.host.requestUpdate();
  }

  private hasFiles = (e: DragEvent) => [...(e.dataTransfer?.types ?? [])].includes('Files');
  private onDragEnter = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.depth++;
    this.setDragging(true);
  };
  private onDragOver = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    e.dataTransfer!.dropEffect = 'copy';
  };
  private onDragLeave = () => {
    this.depth = Math.max(0, this.depth - 1);
    if (!this.depth) this.setDragging(false);
  };
  private onDrop = (e: DragEvent) => {
    if (!this.hasFiles(e)) return;
    e.preventDefault();
    this.depth = 0;
    this.setDragging(false);
    void filesFromDrop(e.dataTransfer!).then(
      (files) => this.target.dropped(files),
      (err: unknown) => this.target.failed(String(err)),
    );
  };
}
