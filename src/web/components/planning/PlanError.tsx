// An error of a planning action in plain words; a refusal also says why (the workflow's own reason).
import { Text } from '@mantine/core';
import { ApiError } from '../../api/client.ts';
import { ErrorAlert } from '../States.tsx';

export function PlanError({ error }: { error: unknown }) {
  const why = error instanceof ApiError && error.status === 403 && error.code !== 'csrf' && error.message ? error.message : null;
  return (
    <>
      <ErrorAlert error={error} />
      {why && (
        <Text size="sm" c="red" mt={-4} data-testid="refusal-reason">
          {why}
        </Text>
      )}
    </>
  );
}
