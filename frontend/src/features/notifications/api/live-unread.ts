import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { currentAccessToken } from '../../../lib/api/client';
import { NOTIFICATIONS_KEY } from './notifications';
import { UNREAD_KEY } from './unread-count';

const STREAM = '/api/v1/me/notifications/stream';
const RETRY_MS = 15_000;

/** Reads `event:`/`data:` blocks of a Server-Sent Events body and calls `onEvent` for each. */
export async function readEvents(body: ReadableStream<Uint8Array>, onEvent: (event: string, data: string) => void) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true }).replace(/\r\n/g, '\n');
    let end = buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
      }
      if (data.length > 0) onEvent(event, data.join('\n'));
      end = buffer.indexOf('\n\n');
    }
  }
}

/**
 * Keeps the unread count live over the stream (GET …/notifications/stream with the bearer token:
 * EventSource cannot send one, so fetch reads the stream). Returns whether the stream is up; while
 * it is not, the bell polls. A new count also refreshes the open inbox.
 */
export function useLiveUnread(enabled: boolean) {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  useEffect(() => {
    if (!enabled || typeof fetch !== 'function' || typeof TextDecoder === 'undefined') return;
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      try {
        const token = currentAccessToken();
        const response = await fetch(new URL(STREAM, window.location.origin), {
          headers: { Accept: 'text/event-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
          signal: controller.signal,
        });
        if (!response.ok || !response.body) throw new Error(`stream ${response.status}`);
        setLive(true);
        await readEvents(response.body, (event, data) => {
          if (event !== 'unread') return;
          const unread = (JSON.parse(data) as { unread: number }).unread;
          const before = queryClient.getQueryData<number>(UNREAD_KEY);
          queryClient.setQueryData(UNREAD_KEY, unread);
          if (before !== undefined && before !== unread) {
            void queryClient.invalidateQueries({ queryKey: [...NOTIFICATIONS_KEY, 'list'] });
          }
        });
      } catch {
        // falls back to polling until the next try
      }
      if (controller.signal.aborted) return;
      setLive(false);
      retry = setTimeout(() => void connect(), RETRY_MS);
    };
    void connect();
    return () => {
      controller.abort();
      if (retry) clearTimeout(retry);
      setLive(false);
    };
  }, [enabled, queryClient]);
  return live;
}
