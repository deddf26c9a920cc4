import { pick } from './localized';

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
