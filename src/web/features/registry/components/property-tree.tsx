import { Box, Typography } from '@mui/material';
import type { TreeNode } from '../model/build-property-tree';

function Nodes({ nodes, depth }: { nodes: TreeNode[]; depth: number }) {
  return (
    <Box
      component="ul"
      sx={{
        listStyle: 'none',
        m: 0,
        pl: depth === 0 ? 0 : 2,
        borderLeft: depth === 0 ? 0 : 1,
        borderColor: 'divider',
      }}
    >
      {nodes.map((node) => (
        <li key={node.path}>
          <Typography
            variant="body2"
            component="div"
            sx={{ py: 0.25, fontFamily: 'monospace', wordBreak: 'break-all' }}
          >
            <Box component="span" sx={{ color: 'text.secondary' }}>
              {node.name}
              {node.value === null ? '' : ': '}
            </Box>
            {node.value}
          </Typography>
          {node.children.length > 0 && <Nodes nodes={node.children} depth={depth + 1} />}
        </li>
      ))}
    </Box>
  );
}

/**
 * Nested lists, so screen readers announce the depth and the tree reads like the JSON it came from.
 */
export function PropertyTree({ nodes, emptyText }: { nodes: TreeNode[]; emptyText: string }) {
  if (nodes.length === 0)
    return (
      <Typography variant="body2" color="text.secondary">
        {emptyText}
      </Typography>
    );
  return <Nodes nodes={nodes} depth={0} />;
}
