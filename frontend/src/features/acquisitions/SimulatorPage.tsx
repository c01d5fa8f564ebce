import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useHouseholds } from '../../api/households';
import { PageTitle } from '../../components/PageTitle';
import { SimulatorPanel } from './components/SimulatorPanel';

/** The purchase-cost simulator for staff: any price and loan, optionally for a household (its affordability). */
export function SimulatorPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle title={t('acquisitions.simulator.title')} description={t('acquisitions.simulator.intro')} />
      <SimulatorPanel householdPicker={(value, onChange) => <HouseholdPicker value={value} onChange={onChange} />} />
    </>
  );
}

/** A searchable choice of household (by name or reference), optional. */
export function HouseholdPicker({ value, onChange, label, description }: { value: string; onChange: (id: string) => void; label?: string; description?: string }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const households = useHouseholds({ q: q || undefined, page: 1, pageSize: 20 });
  const [chosen, setChosen] = useState<{ value: string; label: string } | null>(null);
  const options = (households.data?.items ?? []).map((h) => ({ value: h.id, label: `${h.displayName} (${h.reference})` }));
  if (chosen && !options.some((o) => o.value === chosen.value)) options.unshift(chosen);
  return (
    <Select
      label={label ?? t('acquisitions.simulator.fields.household')}
      description={description ?? t('acquisitions.simulator.help.household')}
      placeholder={t('acquisitions.simulator.householdPlaceholder')}
      searchable
      clearable
      data={options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('acquisitions.simulator.noHousehold')}
      onChange={(id, option) => {
        setChosen(id ? option : null);
        onChange(id ?? '');
      }}
    />
  );
}
