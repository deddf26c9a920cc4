import { screen } from '@testing-library/react';
import { renderPage } from '../../testing/render';
import { NotFoundPage } from './NotFoundPage';

describe('NotFoundPage', () => {
  it('says the page does not exist in a heading and the document title, in Chinese', async () => {
    await renderPage(<NotFoundPage />, { path: '/no-such-page', route: '*', language: 'zh-CN' });

    expect(screen.getByRole('heading', { level: 1, name: '页面不存在' })).toBeInTheDocument();
    expect(document.title).toBe('页面不存在 · CityStep 城市阶梯');
    expect(screen.getByText('地址可能有误，或页面已移动。')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: '返回首页' })).toHaveAttribute('href', '/');
  });

  it('says so in English', async () => {
    await renderPage(<NotFoundPage />, { path: '/no-such-page', route: '*' });

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(document.title).toBe('Page not found · CityStep');
  });
});
