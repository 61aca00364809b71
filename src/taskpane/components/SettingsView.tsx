import { useId, useRef } from 'react';
import { Button, Field, Input, Select, Switch, makeStyles, tokens } from '@fluentui/react-components';
import { RULE_GROUPS, RULES } from '../../core/rules/index';
import type { Lang, Severity } from '../../core/rules/types';
import type { Strings } from '../i18n';
import { DEFAULT_SETTINGS, validProvince, type PaneSettings, type RuleChoice } from '../settings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  h3: {
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
    margin: `${tokens.spacingVerticalS} 0 0 0`,
    color: tokens.colorNeutralForeground2,
  },
  h2: { fontSize: tokens.fontSizeBase400, fontWeight: tokens.fontWeightSemibold, margin: `${tokens.spacingVerticalS} 0 0 0` },
  rules: { listStyleType: 'none', padding: 0, margin: 0 },
  rule: {
    display: 'grid',
    gridTemplateColumns: '1fr auto',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  ruleText: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  ruleId: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3 },
  ruleName: { fontSize: tokens.fontSizeBase200 },
  ruleDesc: { fontSize: tokens.fontSizeBase100, color: tokens.colorNeutralForeground3, paddingLeft: tokens.spacingHorizontalS },
  row: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap', alignItems: 'center' },
  hiddenInput: { display: 'none' },
});

export interface SettingsViewProps {
  readonly settings: PaneSettings;
  readonly lang: Lang;
  readonly t: Strings;
  /** Whether the host can report changes (边改边查 is offered only then). */
  readonly liveAvailable: boolean;
  /** The external registry's file name, when one is loaded. */
  readonly registryName?: string | undefined;
  /** Present when the pane can read a registry from another file. */
  readonly onRegistryFile?: ((file: File) => void) | undefined;
  onRegistryRemove(): void;
  onChange(s: PaneSettings): void;
  /** 语言: switches the pane's language (absent: no switch). */
  readonly onLangChange?: ((lang: Lang) => void) | undefined;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function SettingsView(props: SettingsViewProps) {
  const { settings, t, lang } = props;
  const s = useStyles();
  const fileRef = useRef<HTMLInputElement>(null);
  const provinceId = useId();
  const set = (patch: Partial<PaneSettings>) => props.onChange({ ...settings, ...patch });
  const setRule = (id: string, choice: RuleChoice) => set({ rules: { ...settings.rules, [id]: choice } });
  const provinceOk = validProvince(settings.province);
  return (
    <div className={s.root}>
      <div className={s.row}>
        <Button appearance="subtle" onClick={() => props.onChange(DEFAULT_SETTINGS)}>
          {t.resetSettings}
        </Button>
      </div>

      {props.onLangChange && (
        <Field label={t.language}>
          <Select value={lang} onChange={(_, d) => props.onLangChange?.(d.value === 'en' ? 'en' : 'zh')}>
            <option value="zh">中文</option>
            <option value="en">English</option>
          </Select>
        </Field>
      )}

      <Field
        label={t.province}
        hint={t.provinceHint}
        validationState={provinceOk ? 'none' : 'error'}
        {...(!provinceOk && { validationMessage: t.provinceInvalid })}
      >
        <Input
          id={provinceId}
          value={settings.province}
          inputMode="numeric"
          maxLength={2}
          onChange={(_, d) => set({ province: d.value.replace(/\s/g, '') })}
        />
      </Field>

      <Field label={t.similarity} hint={t.similarityHint}>
        <Input
          type="number"
          min={0.5}
          max={1}
          step={0.05}
          value={String(settings.similarityThreshold)}
          onChange={(_, d) => {
            const v = Number(d.value);
            if (Number.isFinite(v) && v >= 0.5 && v <= 1) set({ similarityThreshold: v });
          }}
        />
      </Field>

      {props.onRegistryFile && (
        <Field label={t.registry} hint={props.registryName ? t.registryLoaded(props.registryName) : t.registryHint}>
          <div className={s.row}>
            <Button onClick={() => fileRef.current?.click()}>{t.registryChoose}</Button>
            {props.registryName && (
              <Button appearance="subtle" onClick={() => props.onRegistryRemove()}>
                {t.registryRemove}
              </Button>
            )}
            <input
              ref={fileRef}
              className={s.hiddenInput}
              type="file"
              tabIndex={-1}
              aria-hidden="true"
              accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              onChange={(e) => {
                const f = e.target.files?.[0];
                if (f) props.onRegistryFile?.(f);
                e.target.value = '';
              }}
            />
          </div>
        </Field>
      )}

      {props.liveAvailable && (
        <Field hint={t.liveHint}>
          <Switch checked={settings.live} label={t.live} onChange={(_, d) => set({ live: d.checked })} />
        </Field>
      )}

      <h2 className={s.h2}>{t.rulesHeading}</h2>
      {RULE_GROUPS.map((g) => (
        <section key={g.id} aria-label={g.name[lang]} data-group={g.id}>
          <h3 className={s.h3}>{g.name[lang]}</h3>
          <ul className={s.rules}>
            {RULES.filter((r) => r.meta.group === g.id).map((r) => {
              const id = r.meta.id;
              const choice = settings.rules[id] ?? 'default';
              const on = choice !== 'off';
              const severity: Severity = choice === 'default' || choice === 'off' ? r.meta.defaultSeverity : choice;
              const name = r.meta.name[lang];
              return (
                <li key={id} className={s.rule} data-rule={id} title={`${id}${lang === 'zh' ? '：' : ': '}${r.meta.description[lang]}`}>
                  <div className={s.ruleText}>
                    <Switch
                      checked={on}
                      label={<span className={s.ruleName}>{name}</span>}
                      aria-label={name}
                      onChange={(_, d) => setRule(id, d.checked ? 'default' : 'off')}
                    />
                    <span className={s.ruleDesc}>{r.meta.description[lang]}</span>
                    {lang === 'en' && <span className={s.ruleId}>{id}</span>}
                  </div>
                  <Select
                    size="small"
                    aria-label={t.severityFor(name)}
                    disabled={!on}
                    value={severity}
                    onChange={(_, d) => setRule(id, d.value === r.meta.defaultSeverity ? 'default' : (d.value as Severity))}
                  >
                    {SEVERITIES.map((sv) => (
                      <option key={sv} value={sv}>
                        {t.severity[sv]}
                      </option>
                    ))}
                  </Select>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
