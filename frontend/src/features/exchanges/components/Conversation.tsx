import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FormField } from '../../../components/ui/form-field';
import { Empty, ErrorMessage, Loading } from '../../../components/ui/status';
import { FORM_MESSAGES } from '../../../lib/forms/messages';
import { pick } from '../../../lib/i18n/localized';
import { useMessages, usePostMessage } from '../api/messages';
import type { Exchange, ExchangeMessage } from '../api/types';
import { MAX_MESSAGE, useExchangeFormMessage } from '../form';
import { formatInstant } from '../time';
import { LinkedText } from './LinkedText';

const composerSchema = z.object({
  text: z.string().trim().min(1, FORM_MESSAGES.required).max(MAX_MESSAGE, FORM_MESSAGES.tooLong),
});

function Message({ message, exchange }: { message: ExchangeMessage; exchange: Exchange }) {
  const { t, i18n } = useTranslation('exchanges');
  const side = [exchange.asking, exchange.peer].find((entry) => entry.cityId === message.authorCityId);
  const from = side ? pick(side.name, i18n.language).text || side.cityId : t(`conversation.roles.${message.authorRole}`);
  return (
    <li className={`exchange-message${message.authorCityId === exchange.asking.cityId ? ' exchange-message--asking' : ''}`}>
      <p className="exchange-message__head small">
        <strong>{message.authorName}</strong> <span className="muted">({from})</span>{' '}
        <time className="muted" dateTime={message.createdAt}>
          {formatInstant(message.createdAt, i18n.language)}
        </time>
      </p>
      <LinkedText text={message.text} />
    </li>
  );
}

function Composer({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation('exchanges');
  const message = useExchangeFormMessage();
  const post = usePostMessage(exchange.id);
  const [sent, setSent] = useState(false);
  const form = useForm<{ text: string }>({ defaultValues: { text: '' }, resolver: zodResolver(composerSchema) });
  const error = form.formState.errors.text?.message;
  const submit = form.handleSubmit(({ text }) => {
    setSent(false);
    post.mutate(
      { id: exchange.id, text: text.trim() },
      {
        onSuccess: () => {
          form.reset({ text: '' });
          setSent(true);
        },
      },
    );
  });
  return (
    <form className="exchange-composer" noValidate onSubmit={(event) => void submit(event)}>
      <FormField
        id="exchange-composer"
        label={t('conversation.yourMessage')}
        hint={t('conversation.hint', { max: MAX_MESSAGE })}
        error={error ? message(error) : undefined}
      >
        {(props) => <textarea {...props} rows={4} maxLength={MAX_MESSAGE} {...form.register('text', { onChange: () => setSent(false) })} />}
      </FormField>
      <div className="actions">
        <button type="submit" className="button" disabled={post.isPending}>
          {post.isPending ? t('conversation.sending') : t('conversation.send')}
        </button>
      </div>
      <div role="status" aria-live="polite">
        {sent && <p className="status status--ok">{t('conversation.sent')}</p>}
      </div>
      {post.isError && <ErrorMessage error={post.error} />}
    </form>
  );
}

/** The conversation, oldest first; plain text whose web addresses are links; the composer for participants. */
export function Conversation({ exchange }: { exchange: Exchange }) {
  const { t } = useTranslation('exchanges');
  const messages = useMessages(exchange.id);
  const items = messages.data?.pages.flatMap((page) => page.items) ?? [];
  const total = messages.data?.pages[0]?.total ?? 0;
  return (
    <section className="card exchange-conversation" aria-labelledby="exchange-conversation">
      <h2 id="exchange-conversation">{t('conversation.heading')}</h2>
      {messages.isPending ? (
        <Loading label={t('conversation.loading')} />
      ) : messages.isError ? (
        <ErrorMessage error={messages.error} onRetry={() => void messages.refetch()} />
      ) : items.length === 0 ? (
        <Empty>{t('conversation.none')}</Empty>
      ) : (
        <>
          <p className="small muted">{t('conversation.count', { count: total })}</p>
          <ol className="list-plain exchange-messages" aria-label={t('conversation.heading')}>
            {items.map((item) => (
              <Message key={item.id} message={item} exchange={exchange} />
            ))}
          </ol>
          {messages.hasNextPage && (
            <button
              type="button"
              className="button button--secondary"
              disabled={messages.isFetchingNextPage}
              onClick={() => void messages.fetchNextPage()}
            >
              {t('conversation.later')}
            </button>
          )}
        </>
      )}
      {exchange.canAct.includes('POST_MESSAGE') && <Composer exchange={exchange} />}
    </section>
  );
}
