import { render, screen, within } from '@testing-library/react';
import { changeLanguage } from './i18n';
import { Localized, pick } from './localized';

describe('pick', () => {
  it('takes the UI language when the content has it', () => {
    expect(pick({ en: 'Chengdu', zh: '成都' }, 'zh-CN')).toEqual({ text: '成都', lang: 'zh', fallback: false });
    expect(pick({ en: 'Chengdu', zh: '成都' }, 'en')).toEqual({ text: 'Chengdu', lang: 'en', fallback: false });
  });

  it('falls back to the other language and says so', () => {
    expect(pick({ en: 'Only English' }, 'zh-CN')).toEqual({ text: 'Only English', lang: 'en', fallback: true });
    expect(pick({ zh: '只有中文', en: '  ' }, 'en')).toEqual({ text: '只有中文', lang: 'zh', fallback: true });
  });

  it('gives empty text for missing content', () => {
    expect(pick(undefined, 'en').text).toBe('');
  });
});

describe('Localized', () => {
  it('shows text in the UI language without a mark', async () => {
    await changeLanguage('zh-CN');
    render(<Localized text={{ en: 'Chengdu', zh: '成都' }} />);
    expect(screen.getByText('成都')).toHaveAttribute('lang', 'zh-CN');
    expect(screen.queryByText('English')).not.toBeInTheDocument();
  });

  it('marks English shown to a Chinese reader with a badge "English" and says so to screen readers in Chinese', async () => {
    await changeLanguage('zh-CN');
    render(<Localized as="p" text={{ en: 'Only English' }} />);
    const text = screen.getByText('Only English');
    expect(text).toHaveAttribute('lang', 'en');
    expect(within(text).getByText('English')).toHaveAttribute('lang', 'en');
    expect(within(text).getByText('(仅有英文版本)').closest('[lang]')).toHaveAttribute('lang', 'zh-CN');
  });

  it('marks Chinese shown to an English reader with a badge "中文"', async () => {
    await changeLanguage('en');
    render(<Localized text={{ zh: '只有中文' }} />);
    const text = screen.getByText('只有中文');
    expect(text).toHaveAttribute('lang', 'zh-CN');
    expect(within(text).getByText('中文')).toHaveAttribute('title', 'only in Chinese');
    expect(within(text).getByText('(only in Chinese)')).toBeInTheDocument();
  });
});
