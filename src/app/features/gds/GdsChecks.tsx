import { GDS_SKILLS, type GdsSkill } from '../../../domain/gdsStatus';
import { CheckTile } from '../field/FormBits';
import { GDS_SKILL_LABEL, GUIDES_FAMILY_LABEL } from './labels';

type GdsFlags = Record<GdsSkill | 'guidesFamily', boolean>;

/** The "Gia đình số" section of the member form: the five basic skills and guiding the family. */
export function GdsChecks(props: {
  value: Partial<GdsFlags>;
  onChange(field: keyof GdsFlags, on: boolean): void;
}) {
  return (
    <fieldset className="checks">
      <legend>Gia đình số</legend>
      <p className="muted">Năm kỹ năng cơ bản theo hướng dẫn quốc gia</p>
      {GDS_SKILLS.map((skill) => (
        <CheckTile
          key={skill}
          label={GDS_SKILL_LABEL[skill]}
          checked={props.value[skill] === true}
          onChange={(on) => props.onChange(skill, on)}
        />
      ))}
      <CheckTile
        label={GUIDES_FAMILY_LABEL}
        checked={props.value.guidesFamily === true}
        onChange={(on) => props.onChange('guidesFamily', on)}
      />
    </fieldset>
  );
}
