import { useId } from 'react';
import {
  Accordion,
  AccordionDetails,
  AccordionSummary,
  Box,
  Stack,
  Typography,
} from '@mui/material';
import ExpandMoreIcon from '@mui/icons-material/ExpandMore';
import {
  describeGroupLines,
  describeGroupSize,
  type IssueGroup,
} from '../model/group-issues-by-code';

interface IssueGroupsProps {
  title: string;
  groups: readonly IssueGroup[];
}

function GroupDetails({ group }: { group: IssueGroup }) {
  const lines = describeGroupLines(group);
  return (
    <Stack spacing={0.5}>
      {lines && (
        <Typography variant="body2">
          <strong>{lines.charAt(0).toUpperCase() + lines.slice(1)}</strong>
        </Typography>
      )}
      {group.example && (
        <Typography variant="body2" color="text.secondary">
          For example, line {group.example.line}: {group.example.message}
        </Typography>
      )}
      {group.fileNotices.length > 0 && (
        <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
          {group.fileNotices.map((notice, index) => (
            <Typography key={index} component="li" variant="body2">
              {notice}
            </Typography>
          ))}
        </Box>
      )}
    </Stack>
  );
}

/**
 * One collapsed entry per issue code: the code, how many lines, what it means; opened, the lines
 * behind it. Replaces a sentence of run-together messages, which hid both counts and lines.
 */
export function IssueGroups({ title, groups }: IssueGroupsProps) {
  const id = useId();
  if (groups.length === 0) return null;
  return (
    <Box component="section" aria-labelledby={`${id}-title`}>
      <Typography id={`${id}-title`} component="h3" variant="subtitle2" sx={{ mb: 1 }}>
        {title}
      </Typography>
      {groups.map((group) => (
        <Accordion key={group.code} disableGutters variant="outlined" slots={{ heading: 'h4' }}>
          <AccordionSummary
            expandIcon={<ExpandMoreIcon />}
            id={`${id}-${group.code}-summary`}
            aria-controls={`${id}-${group.code}-details`}
          >
            {/* Spans only: the summary is a button, which may hold phrasing content alone. */}
            <Box component="span" sx={{ display: 'block', minWidth: 0 }}>
              {/* Codes wrap instead of being cut off: an admin searches the docs for them. */}
              <Typography
                component="span"
                variant="body2"
                sx={{ fontFamily: 'monospace', fontWeight: 600, overflowWrap: 'anywhere' }}
              >
                {group.code}
              </Typography>
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                · {describeGroupSize(group)}
              </Typography>
              <Typography component="span" variant="body2" sx={{ display: 'block' }}>
                {group.meaning}
              </Typography>
            </Box>
          </AccordionSummary>
          {/* The Accordion gives its region the id named by aria-controls. */}
          <AccordionDetails>
            <GroupDetails group={group} />
          </AccordionDetails>
        </Accordion>
      ))}
    </Box>
  );
}
