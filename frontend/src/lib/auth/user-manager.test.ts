import { returnToOf } from './user-manager';

describe('returnToOf', () => {
  it('goes back to the page the user signed in from', () => {
    expect(returnToOf({ returnTo: '/cities/amsterdam?tab=roadmap' })).toBe('/cities/amsterdam?tab=roadmap');
  });

  it('never leaves the app after signing in', () => {
    expect(returnToOf({ returnTo: '//evil.example/x' })).toBe('/');
    expect(returnToOf({ returnTo: '/\\evil.example/x' })).toBe('/');
    expect(returnToOf({ returnTo: 'https://evil.example/' })).toBe('/');
    expect(returnToOf(undefined)).toBe('/');
  });
});
