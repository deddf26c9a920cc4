import { zodResolver } from '@hookform/resolvers/zod';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { Link } from 'react-router';
import { z } from 'zod';
import { StaleVersionBanner } from '../../components/ui/StaleVersionBanner';
import { renderPage } from '../../testing/render';
import { ApiError } from '../api/problem';
import { FORM_MESSAGES, flattenErrors, optionalEmail, useFormMessage } from './messages';
import { useUnsavedChangesPrompt } from './unsaved-changes';

const schema = z.object({
  name: z.string().trim().min(1, FORM_MESSAGES.required),
  email: optionalEmail,
  rows: z.array(z.object({ unit: z.string().min(1, FORM_MESSAGES.required) })),
});
type Values = z.infer<typeof schema>;

/** A small editor built only from the shared pieces, as the other editors use them. */
function Editor({ onSave }: { onSave: (values: Values) => void }) {
  const form = useForm<Values>({ defaultValues: { name: 'Canal sensors', email: '', rows: [{ unit: 'kWh' }] }, resolver: zodResolver(schema) });
  useUnsavedChangesPrompt(form);
  const message = useFormMessage();
  const errors = flattenErrors(form.formState.errors);
  return (
    <form noValidate onSubmit={(event) => void form.handleSubmit((values) => { onSave(values); form.reset(values); })(event)}>
      <label>
        Name <input {...form.register('name')} />
      </label>
      <label>
        E-mail <input {...form.register('email')} />
      </label>
      <label>
        Unit <input {...form.register('rows.0.unit')} />
      </label>
      <ul aria-label="Problems">
        {Object.entries(errors).map(([path, code]) => (
          <li key={path}>{`${path}: ${message(code)}`}</li>
        ))}
      </ul>
      <p role="status">{form.formState.isDirty ? 'dirty' : 'clean'}</p>
      <button type="submit">Save</button>
      <Link to="/elsewhere">Leave</Link>
    </form>
  );
}

const elsewhere = [{ path: '/elsewhere', element: <p>Somewhere else</p> }];

describe('the shared form pieces', () => {
  it('translate the schema message codes into the UI language, by field path', async () => {
    const onSave = vi.fn();
    await renderPage(<Editor onSave={onSave} />, { path: '/form', route: '/form', language: 'zh-CN' });
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.type(screen.getByLabelText('E-mail'), 'nobody');
    await userEvent.clear(screen.getByLabelText('Unit'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));

    const problems = await screen.findAllByRole('listitem');
    expect(problems.map((item) => item.textContent)).toEqual([
      'name: 必填。',
      'email: 请输入电子邮件地址，例如 name@example.org。',
      'rows.0.unit: 必填。',
    ]);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('translate them in English too', async () => {
    await renderPage(<Editor onSave={vi.fn()} />, { path: '/form', route: '/form' });
    await userEvent.clear(screen.getByLabelText('Name'));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('name: Required.')).toBeInTheDocument();
  });

  it('track unsaved changes by the form state and warn before leaving only while there are some', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    const onSave = vi.fn();
    const { router } = await renderPage(<Editor onSave={onSave} />, { path: '/form', route: '/form', extraRoutes: elsewhere });
    const name = screen.getByLabelText('Name');
    expect(screen.getByRole('status')).toHaveTextContent('clean');

    await userEvent.type(name, '!');
    expect(screen.getByRole('status')).toHaveTextContent('dirty');
    await userEvent.type(name, '{Backspace}');
    expect(screen.getByRole('status')).toHaveTextContent('clean');

    await userEvent.type(name, ' 2');
    await userEvent.click(screen.getByRole('link', { name: 'Leave' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(router.state.location.pathname).toBe('/form');

    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(onSave).toHaveBeenCalledWith(expect.objectContaining({ name: 'Canal sensors 2' }));
    expect(screen.getByRole('status')).toHaveTextContent('clean');
    await userEvent.click(screen.getByRole('link', { name: 'Leave' }));
    expect(confirm).toHaveBeenCalledTimes(1);
    expect(router.state.location.pathname).toBe('/elsewhere');
    confirm.mockRestore();
  });
});

describe('StaleVersionBanner', () => {
  const stale = new ApiError(409, {
    type: 'urn:citystep:problem:stale-version',
    title: 'Stale version',
    status: 409,
    detail: 'The city is at version 5 but the request was based on version 4.',
  });

  it('says someone else saved a newer version, shows the detail and offers reload or keep mine', async () => {
    const onReload = vi.fn();
    const onKeepMine = vi.fn();
    await renderPage(<StaleVersionBanner error={stale} what="this city profile" onReload={onReload} onKeepMine={onKeepMine} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveFocus();
    expect(alert).toHaveTextContent('Someone else saved a newer version of this city profile');
    expect(alert).toHaveTextContent('is at version 5');
    await userEvent.click(screen.getByRole('button', { name: 'Reload the newer version' }));
    await userEvent.click(screen.getByRole('button', { name: 'Keep my changes' }));
    expect(onReload).toHaveBeenCalledTimes(1);
    expect(onKeepMine).toHaveBeenCalledTimes(1);
  });

  it('is in Chinese for a Chinese reader, and offers only what the editor can do', async () => {
    await renderPage(<StaleVersionBanner error={stale} what="本城市简介" onReload={vi.fn()} />, { language: 'zh-CN' });
    expect(screen.getByRole('alert')).toHaveTextContent('其他人保存了本城市简介的更新版本');
    expect(screen.getByRole('button', { name: '重新加载更新的版本' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '保留我的更改' })).not.toBeInTheDocument();
  });
});
