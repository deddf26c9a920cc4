import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { renderPage } from '../../testing/render';
import { useLeaveWarning } from './leave-warning';

function Form() {
  const [text, setText] = useState('');
  const [saved, setSaved] = useState('');
  const allowNextNavigation = useLeaveWarning(text !== saved);
  const navigate = useNavigate();
  return (
    <>
      <label>
        Title <input value={text} onChange={(event) => setText(event.target.value)} />
      </label>
      <Link to="/elsewhere">Leave</Link>
      <button
        type="button"
        onClick={() => {
          setSaved(text);
          allowNextNavigation();
          void navigate('/elsewhere');
        }}
      >
        Save and go
      </button>
    </>
  );
}

const elsewhere = [{ path: '/elsewhere', element: <p>Somewhere else</p> }];

describe('useLeaveWarning', () => {
  it('asks before a link throws away unsaved text, and stays when the user says no', async () => {
    const confirm = vi.spyOn(window, 'confirm').mockReturnValue(false);
    await renderPage(<Form />, { path: '/form', route: '/form', extraRoutes: elsewhere });
    await userEvent.type(screen.getByLabelText('Title'), 'Canal sensors');
    await userEvent.click(screen.getByRole('link', { name: 'Leave' }));

    expect(confirm).toHaveBeenCalledWith('You have unsaved changes. Leave this page and lose them?');
    expect(screen.getByLabelText('Title')).toHaveValue('Canal sensors');
    confirm.mockRestore();
  });

  it('leaves without asking when nothing is unsaved, or right after saving', async () => {
    const confirm = vi.spyOn(window, 'confirm');
    await renderPage(<Form />, { path: '/form', route: '/form', extraRoutes: elsewhere });
    await userEvent.type(screen.getByLabelText('Title'), 'Canal sensors');
    await userEvent.click(screen.getByRole('button', { name: 'Save and go' }));

    expect(await screen.findByText('Somewhere else')).toBeInTheDocument();
    expect(confirm).not.toHaveBeenCalled();
    confirm.mockRestore();
  });
});
