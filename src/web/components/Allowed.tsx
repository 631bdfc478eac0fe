// What a role may not use is not offered: in its place, a notice naming the signed-in role.
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';
import { currentRole, useAuth, useCan, type Ability } from '../app/auth.tsx';
import { useI18n } from '../i18n/index.tsx';

export function Allowed({ ability, children }: { ability: Ability; children: ReactNode }) {
  const { t } = useI18n();
  const { state } = useAuth();
  const allowed = useCan(ability);
  const role = currentRole(state);
  if (allowed) return <>{children}</>;
  return (
    <Alert color="orange" role="alert" data-testid="not-allowed">
      {t('role.notAllowed', { role: role ? t(`role.${role}`) : '' })}
    </Alert>
  );
}
