const files = import.meta.glob<Record<string, unknown>>(['../../locales/*.json', '../../features/*/locales/*.json'], {
  eager: true,
  import: 'default',
});

/** Every key path of a translation file; plural forms (_one, _other) count as one key. */
function keys(strings: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(strings).flatMap(([key, value]) =>
    value && typeof value === 'object'
      ? keys(value as Record<string, unknown>, `${prefix}${key}.`)
      : [`${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`],
  );
}

const pairs = Object.keys(files)
  .filter((path) => path.endsWith('/en.json'))
  .map((en) => [en.replace(/\/en\.json$/, ''), en, en.replace(/en\.json$/, 'zh-CN.json')] as const);

describe('translations', () => {
  it('are found for the shared text and every feature', () => {
    expect(pairs.length).toBeGreaterThan(5);
  });

  it.each(pairs)('%s has the same keys in English and Chinese', (_folder, en, zh) => {
    const english = [...new Set(keys(files[en]!))].sort();
    const chinese = [...new Set(keys(files[zh] ?? {}))].sort();
    expect(chinese.filter((key) => !english.includes(key)), 'only in zh-CN.json').toEqual([]);
    expect(english.filter((key) => !chinese.includes(key)), 'only in en.json').toEqual([]);
  });
});
