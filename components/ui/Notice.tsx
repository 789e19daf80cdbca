// A boxed message: info, ok, warn or danger. Meaning is carried by the title text, not colour alone.
import type { ComponentChildren } from 'preact';
import './ui.css';

export type NoticeTone = 'info' | 'ok' | 'warn' | 'danger';

export interface NoticeProps {
  tone: NoticeTone;
  title?: string;
  /** 'alert' for messages that need attention now; default none (static content). */
  role?: 'alert' | 'status';
  id?: string;
  children?: ComponentChildren;
}

export function Notice({ tone, title, role, id, children }: NoticeProps) {
  return (
    <div class={`notice notice--${tone}`} role={role} id={id}>
      {title && <p class="notice__title">{title}</p>}
      {children && <div class="notice__body">{children}</div>}
    </div>
  );
}
