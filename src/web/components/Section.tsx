// Page and section headings: the page's one <h1>, and a <section> named by its <h2> (optionally with a
// control, such as a select, beside the heading).
import { Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

export function PageTitle({ children }: { children: ReactNode }) {
  return (
    <Title order={1} size="h2">
      {children}
    </Title>
  );
}

export function Section({ id, title, control, children }: { id: string; title: ReactNode; control?: ReactNode; children?: ReactNode }) {
  const heading = (
    <Title order={2} size="h3" id={id}>
      {title}
    </Title>
  );
  return (
    <section aria-labelledby={id}>
      {control ? (
        <Group justify="space-between" align="flex-end" wrap="wrap">
          {heading}
          {control}
        </Group>
      ) : (
        heading
      )}
      {children}
    </section>
  );
}
