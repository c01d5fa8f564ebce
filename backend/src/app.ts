import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import express, { Router, type RequestHandler } from 'express';
import helmet from 'helmet';
import type { AppContext } from './context.ts';
import { AppError, apiNotFound, problemHandler } from './lib/errors.ts';
import { candidacyLinks, candidacyStages } from './modules/acquisitions/acquisitions.readers.ts';
import {
  acquisitionChartsRoutes,
  candidaciesRoutes,
  householdCandidaciesRoutes,
  projectsRoutes,
  simulationsRoutes,
  unitsRoutes,
  withdrawalReasonsRoutes,
} from './modules/acquisitions/acquisitions.routes.ts';
import { authenticate } from './modules/auth/auth.middleware.ts';
import { authRoutes } from './modules/auth/auth.routes.ts';
import { healthRoutes } from './modules/health/health.routes.ts';
import { householdIdentities } from './modules/households/households.repository.ts';
import { householdsRoutes } from './modules/households/households.routes.ts';
import { cohortsRoutes } from './modules/journey/cohorts.routes.ts';
import { currentPhaseKeys } from './modules/journey/journey.history.ts';
import { boardRoutes, exitReasonsRoutes, householdJourneyRoutes, phasesRoutes } from './modules/journey/journey.routes.ts';
import type { RentalAdvanceReader } from './modules/journey/rental-advances.ts';
import { sessionsRoutes } from './modules/journey/sessions.routes.ts';
import { advancesRoutes, entriesRoutes, groupsRoutes, householdSavingsRoutes } from './modules/gecs/gecs.routes.ts';
import { SAVINGS_ACCOUNTS } from './modules/gecs/statement.kinds.ts';
import { RENTAL_ACCOUNTS } from './modules/rental-deposits/statement.kinds.ts';
import { rentalArrearsOfHouseholds, rentalMilestones } from './modules/rental-deposits/rental-deposits.journey.ts';
import { householdRentalDepositsRoutes, rentalDepositFundRoutes, rentalDepositsRoutes } from './modules/rental-deposits/rental-deposits.routes.ts';
import { statementsRoutes } from './modules/statements/statements.routes.ts';
import { usersRoutes } from './modules/users/users.routes.ts';

/** What journey's board and timeline read of rental advances: journey declares it, rental-deposits supplies it. */
const rentalAdvances: RentalAdvanceReader = { arrearsOf: rentalArrearsOfHouseholds, milestonesOf: rentalMilestones };

/** Every API resource and where it is mounted; one line per module. */
function apiRouter(ctx: AppContext): Router {
  const api = Router();
  api.use('/health', healthRoutes(ctx));
  api.use('/auth', authRoutes(ctx));
  api.use('/users', usersRoutes(ctx));
  api.use('/households', householdsRoutes(ctx, currentPhaseKeys));
  api.use('/households', householdSavingsRoutes(ctx, candidacyLinks));
  api.use('/groups', groupsRoutes(ctx, candidacyLinks));
  api.use('/advances', advancesRoutes(ctx, candidacyLinks));
  api.use('/entries', entriesRoutes(ctx));
  api.use('/statements', statementsRoutes(ctx, householdIdentities, [SAVINGS_ACCOUNTS, RENTAL_ACCOUNTS]));
  api.use('/households', householdJourneyRoutes(ctx, rentalAdvances, candidacyStages));
  api.use('/phases', phasesRoutes(ctx));
  api.use('/exit-reasons', exitReasonsRoutes(ctx));
  api.use('/cohorts', cohortsRoutes(ctx));
  api.use('/sessions', sessionsRoutes(ctx));
  api.use('/board', boardRoutes(ctx, rentalAdvances));
  api.use('/rental-deposit-fund', rentalDepositFundRoutes(ctx));
  api.use('/rental-deposits', rentalDepositsRoutes(ctx));
  api.use('/households', householdRentalDepositsRoutes(ctx));
  api.use('/projects', projectsRoutes(ctx));
  api.use('/units', unitsRoutes(ctx));
  api.use('/candidacies', candidaciesRoutes(ctx));
  api.use('/households', householdCandidaciesRoutes(ctx));
  api.use('/withdrawal-reasons', withdrawalReasonsRoutes(ctx));
  api.use('/simulations', simulationsRoutes(ctx));
  api.use('/acquisitions', acquisitionChartsRoutes(ctx));
  api.use(apiNotFound);
  return api;
}

// The web app uses no camera, microphone, location, payment or device API: a page that cannot ask for
// them cannot be tricked into it by injected script. clipboard-write stays open to the app itself,
// for copy buttons (a code, a structured communication). Only features browsers know, to keep
// the console free of "unrecognized feature" errors.
const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'bluetooth=()', 'browsing-topics=()', 'camera=()', 'clipboard-read=()',
  'clipboard-write=(self)', 'display-capture=()', 'encrypted-media=()', 'fullscreen=()', 'geolocation=()',
  'gyroscope=()', 'hid=()', 'idle-detection=()', 'local-fonts=()', 'magnetometer=()', 'microphone=()', 'midi=()',
  'payment=()', 'picture-in-picture=()', 'publickey-credentials-get=()', 'screen-wake-lock=()', 'serial=()',
  'usb=()', 'web-share=()', 'xr-spatial-tracking=()',
].join(', ');

/** In production, source maps are never served: they would hand out the web app's source. */
const refuseSourceMaps: RequestHandler = (req, _res, next) => {
  // Decoded first, as the static server will: "x.js%2Emap" names the same file.
  let file = req.path;
  try {
    file = decodeURIComponent(req.path);
  } catch {
    // Undecodable: the static server refuses it too.
  }
  if (/\.map$/i.test(file)) next(new AppError(404, 'route_not_found', 'Not found', `No route ${req.method} ${req.path}.`));
  else next();
};

const requestId: RequestHandler = (_req, res, next) => {
  res.locals.requestId = randomUUID();
  res.setHeader('X-Request-Id', res.locals.requestId);
  next();
};

/** Builds the Express application (API and web app) without listening: tests use it directly. */
export function createApp(ctx: AppContext): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', ctx.config.trustProxy);
  app.set('query parser', 'simple');
  app.use(requestId);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // Mantine sets inline style attributes.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:', 'blob:'],
          connectSrc: ["'self'"],
          fontSrc: ["'self'", 'data:'],
          objectSrc: ["'none'"],
          frameAncestors: ["'none'"],
          formAction: ["'self'"],
          upgradeInsecureRequests: ctx.config.secureCookies ? [] : null,
        },
      },
      hsts: ctx.config.secureCookies,
    }),
  );
  app.use((_req, res, next) => {
    res.setHeader('Permissions-Policy', PERMISSIONS_POLICY);
    next();
  });
  app.use((req, res, next) => {
    if (ctx.config.logLevel !== 'silent') {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        // Paths only, never query strings or bodies: they can hold personal data.
        ctx.logger.info(
          { requestId: res.locals.requestId, method: req.method, path: req.path, status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 },
          'request',
        );
      });
    }
    next();
  });
  app.use('/api', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api', express.json({ limit: '1mb', strict: true, type: ['application/json', 'application/*+json'] }));
  app.use('/api', authenticate(ctx.knex, ctx.config));
  app.use('/api', apiRouter(ctx));

  const indexHtml = path.join(ctx.config.webDistDir, 'index.html');
  if (ctx.config.env === 'production') app.use(refuseSourceMaps);
  app.use(express.static(ctx.config.webDistDir, { index: false, maxAge: '1h', setHeaders: (res, file) => {
    if (file.includes(`${path.sep}assets${path.sep}`)) res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
  } }));
  // Client-side routes: every other GET gets the web app's page.
  app.get('/{*splat}', (_req, res) => {
    if (fs.existsSync(indexHtml)) res.set('Cache-Control', 'no-cache').sendFile(indexHtml);
    else res.status(503).type('text/plain').send('The web app is not built yet: run `npm run build:web` (npm start does it).');
  });
  app.use((req, _res, next) => next(new AppError(404, 'route_not_found', 'Not found', `No route ${req.method} ${req.path}.`)));
  app.use(problemHandler(ctx.logger));
  return app;
}
