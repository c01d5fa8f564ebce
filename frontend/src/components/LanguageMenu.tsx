import { Box, Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Language } from '../api/types';
import { LANGUAGES, chooseLanguage, currentLanguage } from '../i18n';
import { CheckIcon, ChevronDownIcon, GlobeIcon } from './Icons';

/** The language switch: each language is named in itself so anyone can find theirs. */
export function LanguageMenu() {
  const { t } = useTranslation();
  const current = currentLanguage();
  return (
    <Menu position="bottom-end" shadow="md" width={180}>
      <Menu.Target>
        <Button
          variant="subtle"
          color="gray"
          c="gray.9"
          px="xs"
          leftSection={<GlobeIcon />}
          rightSection={
            <Box visibleFrom="xs" style={{ display: 'flex' }}>
              <ChevronDownIcon size={14} />
            </Box>
          }
          aria-label={t('language.switchLabel', { language: t(`language.names.${current}`) })}
        >
          {current.toUpperCase()}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('language.menuTitle')}</Menu.Label>
        {LANGUAGES.map((language: Language) => (
          <Menu.Item
            key={language}
            lang={language}
            onClick={() => chooseLanguage(language)}
            rightSection={language === current ? <CheckIcon size={16} /> : null}
            aria-current={language === current ? 'true' : undefined}
          >
            {t(`language.names.${language}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
