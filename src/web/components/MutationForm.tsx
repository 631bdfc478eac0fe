// A form that runs one mutation: its heading, its fields in a wrapping row, then the error or the
// confirmation of the last run.
import { Alert, Group, Title } from '@mantine/core';
import type { CSSProperties, FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './States.tsx';

export interface FormMutation {
  mutate: () => void;
  isError: boolean;
  isSuccess: boolean;
  error: unknown;
}

export function MutationForm({
  mutation,
  id,
  title,
  level = 2,
  style,
  success,
  children,
}: {
  mutation: FormMutation;
  /** The heading's id, which names the form. */
  id: string;
  title: ReactNode;
  /** 2: a heading of the page's sections; 3: one within a section. */
  level?: 2 | 3;
  style?: CSSProperties;
  /** Shown after a successful run. */
  success: ReactNode;
  children: ReactNode;
}) {
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mutation.mutate();
  };
  return (
    <form onSubmit={submit} aria-labelledby={id} style={style}>
      <Title order={level} size={level === 2 ? 'h3' : 'h4'} id={id}>
        {title}
      </Title>
      <Group align="flex-end" gap="sm" wrap="wrap">
        {children}
      </Group>
      {mutation.isError && <ErrorAlert error={mutation.error} />}
      {mutation.isSuccess && success}
    </form>
  );
}

/** The confirmation of a saved form. */
export function SavedAlert({ children }: { children: ReactNode }) {
  return (
    <Alert color="teal" role="status" mt="xs">
      {children}
    </Alert>
  );
}
