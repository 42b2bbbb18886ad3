import { createTheme } from '@mui/material/styles';

// Light and dark schemes from one theme; MUI picks the system preference until the user toggles,
// and remembers the choice in localStorage.
export const theme = createTheme({
  cssVariables: { colorSchemeSelector: 'class' },
  colorSchemes: {
    // MUI's default light warning (#ed6c02) and info (#0288d1) fail WCAG 1.4.3 under white chip
    // text (3.0:1 and 3.9:1); these darker shades keep status chips above 4.5:1.
    light: {
      palette: {
        primary: { main: '#0b63c5' },
        secondary: { main: '#6b3fa0' },
        warning: { main: '#b45309' },
        info: { main: '#0369a1' },
      },
    },
    // MUI's dark error (#f44336) gets white text at 3.7:1 (WCAG 1.4.3 wants 4.5:1): dark text on it
    // reads at 5.2:1, for the "Failed" chips of the jobs list and overview.
    dark: {
      palette: {
        primary: { main: '#6cb4ff' },
        secondary: { main: '#c6a4f0' },
        error: { main: '#f44336', contrastText: 'rgba(0, 0, 0, 0.87)' },
      },
    },
  },
  typography: {
    fontFamily: '"Segoe UI", system-ui, -apple-system, Roboto, "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    // Helper text and labels of locked (disabled) fields stay readable: axe color-contrast, WCAG
    // 1.4.3.
    MuiFormHelperText: {
      styleOverrides: {
        root: ({ theme }) => ({ '&.Mui-disabled': { color: theme.vars?.palette.text.secondary } }),
      },
    },
    MuiFormLabel: {
      styleOverrides: {
        root: ({ theme }) => ({ '&.Mui-disabled': { color: theme.vars?.palette.text.secondary } }),
      },
    },
    MuiButton: {
      defaultProps: { disableElevation: true },
      styleOverrides: { root: { textTransform: 'none', fontWeight: 600 } },
    },
  },
});
