import { http, HttpResponse } from 'msw';
import { server } from '../../testing/server';
import { changeLanguage } from '../i18n/i18n';
import { api } from './client';

describe('api client', () => {
  it('asks for answers in the language of the UI', async () => {
    const languages: (string | null)[] = [];
    server.use(
      http.get('*/api/v1/reference', ({ request }) => {
        languages.push(request.headers.get('Accept-Language'));
        return HttpResponse.json({});
      }),
    );

    await changeLanguage('zh-CN');
    await api.GET('/api/v1/reference');
    await changeLanguage('en');
    await api.GET('/api/v1/reference');

    expect(languages).toEqual(['zh-CN', 'en']);
  });
});
