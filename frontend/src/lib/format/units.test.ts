import { i18n } from '../i18n/i18n';
import { sourceLabel, unitLabel } from './units';

const inLanguage = (language: string) => {
  const t = i18n.getFixedT(language);
  return (unit: string) => unitLabel(unit, t, language);
};

describe('unitLabel', () => {
  it('writes known units, numbers and "per" in Chinese', () => {
    const zh = inLanguage('zh-CN');
    expect(zh('%')).toBe('%');
    expect(zh('min')).toBe('分钟');
    expect(zh('t CO2e per capita')).toBe('吨二氧化碳当量/人');
    expect(zh('kWh per m2 per year')).toBe('千瓦时/平方米/年');
    expect(zh('trips per day')).toBe('次/天');
    expect(zh('million CNY per year')).toBe('百万元/年');
    expect(zh('km per 100 000 population')).toBe('公里/10万人');
    expect(zh('per 100 000 population')).toBe('每10万人');
    expect(zh('µg/m³')).toBe('微克/立方米');
  });

  it('keeps English units as written, with proper symbols', () => {
    const en = inLanguage('en');
    expect(en('t CO2e per capita')).toBe('t CO₂e per capita');
    expect(en('kWh per m2 per year')).toBe('kWh per m² per year');
    expect(en('trips per day')).toBe('trips per day');
    expect(en('per 100 000 population')).toBe('per 100,000 population');
  });

  it('shows a unit with an unknown word as written', () => {
    const zh = inLanguage('zh-CN');
    expect(zh('bicycles per day')).toBe('bicycles per day');
    expect(zh('  辆 ')).toBe('辆');
    expect(zh('percentile')).toBe('percentile');
  });
});

describe('sourceLabel', () => {
  it('translates known sources and keeps others', () => {
    const t = i18n.getFixedT('zh-CN');
    expect(sourceLabel('demo estimate', t)).toBe('演示估算');
    expect(sourceLabel('Eurostat 2013', t)).toBe('Eurostat 2013');
  });
});
