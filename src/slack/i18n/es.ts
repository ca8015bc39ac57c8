import type { Catalog } from './en.js';

export const es: Catalog = {
  common: {
    appName: 'REAP Tracker',
    notYetAvailable: 'Aún no disponible',
    errorGeneric: 'Algo salió mal de nuestro lado y no se guardó nada. Vuelva a intentarlo en un minuto.',
    errorDatabase:
      'REAP Tracker no puede acceder a su base de datos en este momento, así que no se guardó nada. Vuelva a intentarlo en unos minutos.',
  },
  help: {
    header: 'Comandos de REAP Tracker',
    intro: 'Mantenga en marcha su Plan de Acción de Equidad Racial sin salir de Slack. Escriba `/reap` seguido de uno de estos:',
    unknown: 'No conozco el comando `{{command}}`. Esto es lo que puedo hacer:',
    notYet: '`{{command}}` aún no está disponible; llegará en una versión próxima. Esta es la lista completa:',
    comingSoon: '_(próximamente)_',
    footer: '¿Preguntas sobre su plan? Consulte a la persona líder de equidad de su departamento o a la Oficina de Equidad Racial y Social.',
    commands: {
      help: 'Mostrar esta lista.',
      update: 'Informar el avance de una de sus estrategias.',
      status: 'Situación de su departamento (u otro): estados, tareas vencidas, informes pendientes.',
      deadlines: 'Sus hitos próximos y vencidos.',
      plan: 'El plan de un departamento, con las estrategias agrupadas por objetivo.',
      add: 'Agregar una estrategia o un hito (líderes de equidad y ORSE).',
      report: 'La tabla anual del plan de trabajo en archivos CSV y Markdown.',
      language: 'Elija su idioma: `en`, `es` o `vi`.',
      redi: 'Unirse o salir del resumen REDI de prácticas compartidas.',
      briefing: 'Redactar un informe trimestral (ORSE).',
      settings: 'Horarios de recordatorios y resúmenes (ORSE).',
      admin: 'Asignar funciones y departamentos (ORSE).',
    },
  },
  status: {
    COMPLETED: 'Completado',
    IN_PROGRESS: 'En curso',
    ONGOING: 'Continuo',
    NOT_STARTED: 'No iniciado',
    DEFERRED: 'Aplazado',
  },
};
