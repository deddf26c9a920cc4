import { render, screen } from '@testing-library/react';
import { LinkedText, linkParts } from './LinkedText';

describe('LinkedText', () => {
  it('makes web addresses links that open apart from this page', () => {
    render(<LinkedText text="Our plan: https://example.org/funding-plan.pdf. Ask us!" />);
    const link = screen.getByRole('link', { name: 'https://example.org/funding-plan.pdf' });
    expect(link).toHaveAttribute('href', 'https://example.org/funding-plan.pdf');
    expect(link).toHaveAttribute('target', '_blank');
    expect(link.getAttribute('rel')).toContain('noopener');
    expect(link.getAttribute('rel')).toContain('noreferrer');
    expect(screen.getByText(/Ask us!/)).toBeInTheDocument();
  });

  it('shows markup as typed and never runs it', () => {
    const text = '<img src=x onerror="alert(1)"><script>alert(2)</script> <a href="javascript:alert(3)">click</a>';
    const { container } = render(<LinkedText text={text} />);
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('script')).toBeNull();
    expect(screen.queryByRole('link')).toBeNull();
    expect(container.textContent).toBe(text);
  });

  it('links only http and https', () => {
    expect(linkParts('javascript:alert(1) data:text/html,x ftp://files.example.org').every((part) => !part.href)).toBe(true);
    expect(linkParts('see http://example.org')[1]).toEqual({ text: 'http://example.org', href: 'http://example.org/' });
  });

  it('ends an address where Chinese text follows without a space', () => {
    const parts = linkParts('方案见https://example.cn/plan。谢谢');
    expect(parts).toEqual([
      { text: '方案见' },
      { text: 'https://example.cn/plan', href: 'https://example.cn/plan' },
      { text: '。谢谢' },
    ]);
  });

  it('keeps line breaks and several links in one message', () => {
    const { container } = render(<LinkedText text={'one https://a.example\ntwo https://b.example'} />);
    expect(screen.getAllByRole('link')).toHaveLength(2);
    expect(container.textContent).toBe('one https://a.example\ntwo https://b.example');
  });
});
