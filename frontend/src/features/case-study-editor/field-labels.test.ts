import { i18n } from '../../lib/i18n/i18n';
import { fieldLabel } from './field-labels';

describe('fieldLabel', () => {
  const en = i18n.getFixedT('en', 'case-study-editor');
  const zh = i18n.getFixedT('zh-CN', 'case-study-editor');

  it('names an API field path by the label of its input', () => {
    expect(fieldLabel('title[zh]', zh)).toBe('标题（中文）');
    expect(fieldLabel('title', en)).toBe('Title');
    expect(fieldLabel('summary', zh)).toBe('摘要');
    expect(fieldLabel('benefits[0].description', en)).toBe('Result 1: indicator');
    expect(fieldLabel('benefits[1].unit', en)).toBe('Result 2: unit');
    expect(fieldLabel('partners[0].role[zh]', zh)).toBe('合作伙伴 1：角色（中文）');
    expect(fieldLabel('technologies[2]', en)).toBe('Technologies');
    expect(fieldLabel('contact.email', zh)).toBe('联系邮箱');
  });

  it('keeps the path of a field the form does not know', () => {
    expect(fieldLabel('sponsor', zh)).toBe('sponsor');
    expect(fieldLabel('benefits[0].currency', en)).toBe('benefits[0].currency');
  });
});
