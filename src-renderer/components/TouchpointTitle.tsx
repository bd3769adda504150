import { displayTitle } from '../../src-shared/schedule/touchpoint-titles';
import { useT } from '../i18n/use-t';

/** A touchpoint's title: a generated one in the user's language, one a CSM typed as typed. */
export function TouchpointTitle({ title, className }: { title: string; className?: string }) {
  const { locale } = useT();
  const text = displayTitle(title, locale);
  return (
    <span className={className} title={text}>
      {text}
    </span>
  );
}
