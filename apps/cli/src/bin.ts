#!/usr/bin/env node
// The `netx` executable: the real wiring (SSH, Telnet, WebSocket serial; every driver).
import 'reflect-metadata';
import { createCliContainer } from './cli-container.js';
import { runAsProcess } from './cli/main.js';

runAsProcess(createCliContainer());
