import { GlobalStyles } from '@mui/material';

// A skip link for keyboard users, visible only when focused.
export function GlobalStyle() {
  return (
    <GlobalStyles
      styles={(theme) => ({
        '.skip-link': {
          position: 'absolute',
          left: 8,
          top: -48,
          zIndex: 2000,
          padding: '8px 12px',
          background: theme.palette.background.paper,
          color: theme.palette.text.primary,
          borderRadius: 4,
        },
        '.skip-link:focus': { top: 8 },
      })}
    />
  );
}
