import { render, screen } from '@testing-library/react';
import { App } from './App';

describe('App shell', () => {
  it('tells a visitor what CityStep is and links to the API documentation', () => {
    render(<App />);

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(/one step at a time/i);
    expect(screen.getByRole('link', { name: 'API documentation' })).toHaveAttribute('href', '/swagger-ui.html');
    expect(screen.getByRole('main')).toBeInTheDocument();
  });
});
