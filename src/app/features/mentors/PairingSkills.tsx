import { activeSkills } from '../../../domain/skills';
import type { MentorshipFacts } from '../../../domain/mentorship';
import { CheckTile } from '../field/FormBits';
import { useSkills } from '../members/useSkills';
import { setPairingSkills } from './actions';

/** The framework skills a pairing has covered, ticked as the mentor teaches them. */
export function PairingSkills({
  pairing,
  menteeName,
}: {
  pairing: MentorshipFacts;
  menteeName: string;
}) {
  const skills = useSkills();
  const toggle = (code: string, on: boolean) =>
    void setPairingSkills(
      pairing.id,
      on ? [...pairing.skills, code] : pairing.skills.filter((c) => c !== code),
    );
  return (
    <details className="checks">
      <summary aria-label={`Kỹ năng đã hướng dẫn cho ${menteeName}`}>
        Kỹ năng đã hướng dẫn ({pairing.skills.length})
      </summary>
      {activeSkills(skills).map((s) => (
        <CheckTile
          key={s.code}
          label={`${s.code} ${s.title}`}
          checked={pairing.skills.includes(s.code)}
          onChange={(on) => toggle(s.code, on)}
        />
      ))}
    </details>
  );
}
