/**
 * The app's icons, in one place: Tabler icons (the set Mantine's own examples use), drawn with the
 * text colour and hidden from assistive technology — every icon sits beside a visible or aria label.
 */
import {
  IconAlertCircle,
  IconBuildingCommunity,
  IconCalculator,
  IconChartBar,
  IconArrowBackUp,
  IconCalendarCheck,
  IconCash,
  IconCoins,
  IconLayoutKanban,
  IconLock,
  IconPigMoney,
  IconReceiptRefund,
  IconUsersGroup,
  IconCheck,
  IconChevronDown,
  IconCopy,
  IconDownload,
  IconHome,
  IconHomeDollar,
  IconKey,
  IconList,
  IconLogout,
  IconPencil,
  IconPlus,
  IconSearch,
  IconTrash,
  IconUsers,
  IconWorld,
  type Icon,
} from '@tabler/icons-react';

type IconProps = { size?: number };

function decorative(TablerIcon: Icon) {
  const AppIcon = ({ size = 18 }: IconProps) => <TablerIcon size={size} stroke={1.8} aria-hidden="true" focusable="false" />;
  AppIcon.displayName = TablerIcon.displayName;
  return AppIcon;
}

export const HomeIcon = decorative(IconHome);
export const DepositIcon = decorative(IconHomeDollar);
export const UsersIcon = decorative(IconUsers);
export const ListIcon = decorative(IconList);
export const PlusIcon = decorative(IconPlus);
export const GlobeIcon = decorative(IconWorld);
export const ChevronDownIcon = decorative(IconChevronDown);
export const LogoutIcon = decorative(IconLogout);
export const KeyIcon = decorative(IconKey);
export const AlertIcon = decorative(IconAlertCircle);
export const CheckIcon = decorative(IconCheck);
export const SearchIcon = decorative(IconSearch);
export const TrashIcon = decorative(IconTrash);
export const DownloadIcon = decorative(IconDownload);
export const CopyIcon = decorative(IconCopy);
export const EditIcon = decorative(IconPencil);
export const BoardIcon = decorative(IconLayoutKanban);
export const GroupsIcon = decorative(IconUsersGroup);
export const SavingsIcon = decorative(IconPigMoney);
export const CashIcon = decorative(IconCash);
export const CoinsIcon = decorative(IconCoins);
export const ReverseIcon = decorative(IconArrowBackUp);
export const RefundIcon = decorative(IconReceiptRefund);
export const LockIcon = decorative(IconLock);
export const CalendarIcon = decorative(IconCalendarCheck);
export const BuildingIcon = decorative(IconBuildingCommunity);
export const CalculatorIcon = decorative(IconCalculator);
export const ChartIcon = decorative(IconChartBar);
